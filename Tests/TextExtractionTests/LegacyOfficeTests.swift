import ChaperoneModel
import Testing
@testable import TextExtraction

/// Word, Excel and PowerPoint 97–2003 documents made by LibreOffice 7.4 (commands in
/// `Fixtures/LEGACY-FIXTURES.md`): their text is read with its place, and encrypted or
/// damaged ones are reported unscannable with the reason.
@Suite struct LegacyOfficeTests {
    @Test func kindsFromNameAndType() {
        for name in ["a.doc", "a.XLS", "a.ppt", "a.pps", "a.dot"] {
            #expect(AttachmentKind(contentType: "application/octet-stream", filename: name) == .legacyOffice)
        }
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "a.msg") == .outlookMessage)
        #expect(AttachmentKind(contentType: "application/msword", filename: "") == .legacyOffice)
        #expect(AttachmentKind(contentType: "application/vnd.ms-excel", filename: "pupils.csv") == .csv)
        #expect(AttachmentKind(contentType: "text/rtf", filename: "") == .rtf)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "notes.rtf") == .rtf)
    }

    @Test func wordDocument() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("legacy-word.doc"), filename: "review.doc",
                                             type: "application/msword")
        #expect(content.problems.isEmpty)
        let body = try #require(content.segments.first { $0.location.detail == "body" })
        #expect(body.location.description == "attachment:review.doc#body")
        #expect(body.text.contains("Pupil: Ali Rahman, date of birth 07/01/2011, Year 10."))
        #expect(body.text.contains("caf\u{E9} na\u{EF}ve \u{2013} \u{201C}good progress\u{201D}"))
        #expect(body.text.contains("Name\tAli Rahman"))
        #expect(body.text.contains("UPN\tM383432122006"))
    }

    @Test func passwordProtectedWordDocumentIsUnscannable() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("legacy-word-password.doc"), filename: "review.doc")
        #expect(!content.segments.contains { $0.text.contains("Rahman") })
        #expect(content.problems.map(\.kind) == [.unscannable])
        #expect(content.problems.first?.message.contains("encrypted") == true)
        #expect(content.problems.first?.location == "attachment:review.doc")
    }

    @Test func excelWorkbookRowsAreRecords() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("legacy-excel.xls"), filename: "pupils.xls")
        #expect(content.problems.isEmpty)
        let rows = content.segments.filter { $0.role == .tableRow }
        #expect(rows.map(\.location.description).first == "attachment:pupils.xls#pupils row 1")
        let pupil = try #require(rows.first { $0.text.contains("Ali Rahman") })
        #expect(pupil.text == "Ali Rahman\t07/01/2011\tM383432122006\t10")
        #expect(pupil.row == 1)
        #expect(rows.contains { $0.text == "Zo\u{EB} Okafor-Brennan\t27/08/2014\tR383432125004\t7" })
        #expect(rows.contains { $0.text == "Reading age\t9.5" })
    }

    @Test func passwordProtectedWorkbookIsUnscannable() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("legacy-excel-password.xls"), filename: "pupils.xls")
        #expect(content.segments.filter { $0.role == .tableRow }.isEmpty)
        #expect(content.problems.map(\.kind) == [.unscannable])
        #expect(content.problems.first?.message.contains("password to open") == true)
    }

    @Test func powerPointSlidesAndNotes() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("legacy-powerpoint.ppt"), filename: "group.ppt")
        #expect(content.problems.isEmpty)
        let texts = content.segments.filter { $0.location.kind == .attachment }
        let first = try #require(texts.first { $0.text.contains("Ali Rahman") })
        #expect(first.text.contains("Ali Rahman, date of birth 07/01/2011 \u{2013} caf\u{E9}"))
        #expect(first.location.detail?.hasPrefix("slide") == true)
        #expect(texts.contains { $0.text.contains("Speaker note: UPN M383432122006") })
        #expect(texts.contains { $0.text.contains("Second slide plain ASCII") })
    }

    @Test func damagedDocumentsAreUnscannableWithAReason() throws {
        for name in ["legacy-word.doc", "legacy-excel.xls", "outlook-review.msg"] {
            let bytes = try LegacyFixture.bytes(name)
            let content = LegacyFixture.attached(Array(bytes.prefix(bytes.count / 2)), filename: name)
            let problem = try #require(content.problems.first, "\(name)")
            #expect(problem.kind == .unscannable)
            #expect(problem.message.contains("damaged"), "\(name): \(problem.message)")
        }
        // Bytes that are text under a .doc name are read as text (MIS exports do this).
        let content = LegacyFixture.attached(Array(repeating: 0x41, count: 600), filename: "notes.doc")
        #expect(content.problems.isEmpty)
        #expect(content.segments.contains { $0.text.hasPrefix("AAAA") })
    }

    @Test func streamsAreChargedToTheExpansionLimit() throws {
        var limits = Limits()
        limits.maxArchiveExpansionBytes = 3000
        let content = LegacyFixture.attached(try LegacyFixture.bytes("legacy-word.doc"), filename: "review.doc", limits: limits)
        #expect(content.problems.map(\.limit) == ["max_archive_expansion_bytes"])
    }

    @Test func legacyDocumentInsideZip() throws {
        let zip = StoredZip.archive([("reports/pupils.xls", try LegacyFixture.bytes("legacy-excel.xls"))])
        let content = LegacyFixture.attached(zip, filename: "reports.zip", type: "application/zip")
        let row = content.segments.first { $0.text.contains("Ali Rahman") }
        #expect(row?.location.description == "attachment:reports.zip#reports/pupils.xls pupils row 2")
    }
}
