import ChaperoneModel
import Foundation
import Testing
@testable import TextExtraction

@Suite struct PDFAttachmentTests {
    private let page = SamplePDF.onePage("BT /F1 12 Tf 72 700 Td (SEN report: UPN B801200005001) Tj ET", compressed: true)

    @Test func pdfKindFromTypeOrName() {
        #expect(AttachmentKind(contentType: "application/pdf", filename: "") == .pdf)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "Report.PDF") == .pdf)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "pdf") == .unsupported)
    }

    @Test func messageWithPDFAttachment() {
        let message = StoredZip.message(attaching: page, filename: "report.pdf", type: "application/pdf")
        let content = Extraction.content(message)
        let segment = content.segments.first { $0.text.contains("B801200005001") }
        #expect(segment?.location.description == "attachment:report.pdf#page 1")
        #expect(segment?.role == .prose)
        #expect(content.attachments.map(\.filename) == ["report.pdf"])
        #expect(content.problems.isEmpty)
    }

    @Test func pdfInsideZip() {
        let zip = StoredZip.archive([("reports/sen.pdf", page)])
        let content = Extraction.content(StoredZip.message(attaching: zip, filename: "reports.zip", type: "application/zip"))
        let segment = content.segments.first { $0.text.contains("B801200005001") }
        #expect(segment?.location == .attachment("reports.zip", partPath: "2", detail: "reports/sen.pdf page 1"))
    }

    @Test func pdfsInsideZipShareTheExpansionBudget() {
        var limits = Limits()
        limits.maxArchiveExpansionBytes = 1_000_000
        let padded = "BT /F1 12 Tf (Padded page) Tj ET" + String(repeating: " ", count: 600_000)
        let pdf = SamplePDF.onePage(padded, compressed: true)
        let zip = StoredZip.archive([("one.pdf", pdf), ("two.pdf", pdf)])
        let content = Extraction.content(StoredZip.message(attaching: zip, filename: "pdfs.zip", type: "application/zip"),
                                         limits: limits)
        #expect(content.segments.filter { $0.text == "Padded page" }.map(\.location.detail) == ["one.pdf page 1"])
        #expect(content.problems.map(\.limit) == ["max_archive_expansion_bytes"])
        #expect(content.problems.first?.location == "attachment:pdfs.zip#two.pdf")
    }

    /// `soffice --headless --convert-to pdf scan.png` (LibreOffice 7.4 Draw): one page
    /// holding only an image, as a scanner's PDF does.
    @Test func scannedImagePDFIsUnscannable() throws {
        let result = SamplePDF.extract(try Self.fixture("libreoffice-scanned-image.pdf"))
        #expect(result.segments.isEmpty)
        #expect(result.problems.map(\.kind) == [.unscannable])
        #expect(result.problems.first?.message.contains("no text layer") == true)
    }

    @Test func ghostscriptOutput() throws {
        let result = SamplePDF.extract(try Self.fixture("ghostscript-two-pages.pdf"))
        #expect(result.segments.map(\.text) == ["Pupil report for Jo Example\nUPN B801200005001 reading age 9",
                                               "Second page: caf\u{E9} na\u{EF}ve"])
        #expect(result.problems.isEmpty)
    }

    @Test func cairoOutput() throws {
        let result = SamplePDF.extract(try Self.fixture("cairo-one-page.pdf"))
        #expect(result.segments.map(\.text)
            == ["Pupil report for Jo Example\nUPN B801200005001, reading age 9 \u{2013} \u{201C}good progress\u{201D}"])
        #expect(result.problems.isEmpty)
    }

    @Test func groffOutput() throws {
        let result = SamplePDF.extract(try Self.fixture("groff-two-pages.pdf"))
        #expect(result.segments.map(\.text) == [
            "Pupil report for Jo Example \u{2014} reading age 9.\nUPN B801200005001 \u{201C} quoted\u{201D} caf fine fluffy officers.",
            "-2-\nSecond page text.",
        ])
    }

    /// A PDF made by a real producer (ghostscript 10 `ps2pdf`, cairo 1.16 via `pango-view`,
    /// groff 1.22 `-Tpdf`, whose words are split by in-word moves).
    private static func fixture(_ name: String) throws -> [UInt8] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
