import ChaperoneModel
import Testing
@testable import TextExtraction

@Suite struct AttachmentExtractionTests {
    @Test func csvRowsAreTableRows() {
        let content = Extraction.content([
            "Content-Type: multipart/mixed; boundary=m", "", "--m", "", "List attached",
            "--m", "Content-Type: text/csv; name=\"class 7B.csv\"", "", "Name,Form,Note",
            "\"Example, Jo\",7B,\"said \"\"hi\"\"\"", "", "Sam Sample,7B,\"two", "lines\"", "--m--",
        ])
        let rows = content.segments.filter { $0.role == .tableRow }
        #expect(rows.map(\.text) == ["Name\tForm\tNote", "Example, Jo\t7B\tsaid \"hi\"", "Sam Sample\t7B\ttwo lines"])
        #expect(rows.map(\.row) == [0, 1, 3])
        #expect(rows.first?.location == .attachment("class 7B.csv", partPath: "2", detail: "row 1"))
    }

    @Test func semicolonDelimitedCSV() {
        #expect(CSVTextExtractor.guessDelimiter("a;b;c\n1;2;3") == ";")
        #expect(CSVTextExtractor.guessDelimiter("a,b\n") == ",")
        #expect(CSVTextExtractor.guessDelimiter("a\tb\tc\n") == "\t")
    }

    @Test func zipMembersAreListedAndRead() {
        let zip = StoredZip.archive([
            ("reports/Jo Example.txt", Array("Reading age 9".utf8)),
            ("photo.jpg", [0xFF, 0xD8, 0xFF]),
        ])
        let content = Extraction.content(StoredZip.message(attaching: zip, filename: "reports.zip", type: "application/zip"))
        #expect(content.attachments.first?.archiveMembers == ["reports/Jo Example.txt", "photo.jpg"])
        #expect(content.segments.contains { $0.role == .filename && $0.text == "reports/Jo Example.txt" })
        let member = content.segments.first { $0.text == "Reading age 9" }
        #expect(member?.location == .attachment("reports.zip", partPath: "2", detail: "reports/Jo Example.txt"))
    }

    @Test func docxParagraphsAndTables() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>Report for </w:t></w:r><w:r><w:t>Jo Example</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Subject</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Grade</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>Maths</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>
            """
        let docx = StoredZip.archive([("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", Array(xml.utf8))])
        let content = Extraction.content(StoredZip.message(attaching: docx, filename: "report.docx"))
        let location = TextLocation.attachment("report.docx", partPath: "2")
        #expect(content.segments.contains { $0.location == location && $0.text == "Report for Jo Example" })
        #expect(content.segments.filter { $0.role == .tableRow }.map(\.text) == ["Subject\tGrade", "Maths\t4"])
    }

    @Test func xlsxSharedStringsAndRows() {
        let shared = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><r><t>Jo </t></r><r><t>Example</t></r></si></sst>
            """
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>UPN</t></is></c></row>
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>12345</v></c></row>
            </sheetData></worksheet>
            """
        let xlsx = StoredZip.archive([("xl/sharedStrings.xml", Array(shared.utf8)), ("xl/worksheets/sheet1.xml", Array(sheet.utf8))])
        let content = Extraction.content(StoredZip.message(attaching: xlsx, filename: "pupils.xlsx"))
        let rows = content.segments.filter { $0.role == .tableRow }
        #expect(rows.map(\.text) == ["Name\tUPN", "Jo Example\t12345"])
        #expect(rows.map(\.row) == [0, 2])
        #expect(rows.last?.location.description == "attachment:pupils.xlsx#sheet1!row 3")
    }

    @Test func archiveLimits() {
        var limits = Limits()
        limits.maxArchiveEntries = 1
        let zip = StoredZip.archive([("a.txt", Array("one".utf8)), ("b.txt", Array("two".utf8))])
        let listed = Extraction.content(StoredZip.message(attaching: zip, filename: "a.zip"), limits: limits)
        #expect(listed.attachments.first?.archiveMembers == ["a.txt"])
        #expect(listed.problems.compactMap(\.limit) == ["max_archive_entries"])

        limits = Limits()
        limits.maxArchiveExpansionBytes = 4
        let expanded = Extraction.content(StoredZip.message(attaching: zip, filename: "a.zip"), limits: limits)
        #expect(expanded.problems.compactMap(\.limit) == ["max_archive_expansion_bytes"])

        limits = Limits()
        limits.maxArchiveDepth = 1
        let nested = StoredZip.archive([("inner.zip", zip)])
        let deep = Extraction.content(StoredZip.message(attaching: nested, filename: "outer.zip"), limits: limits)
        #expect(deep.problems.compactMap(\.limit) == ["max_archive_depth"])
        #expect(deep.segments.contains { $0.text == "inner.zip" })
    }

    @Test func damagedArchiveIsReportedUnscannable() {
        let content = Extraction.content(StoredZip.message(attaching: Array("not a zip".utf8), filename: "broken.zip"))
        #expect(content.problems.map(\.kind) == [.unscannable])
    }
}
