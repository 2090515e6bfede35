import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// The whole pipeline on legacy Office, Outlook, TNEF, RTF and encrypted PDF attachments made by real
/// software (`Tests/TextExtractionTests/Fixtures/LEGACY-FIXTURES.md`): a pupil's name and
/// date of birth inside, sent outside the school, is held under §8 with the finding in
/// the document's part; sent inside, it is accepted; a password-protected copy is held
/// as unscannable, and so is a scanned PDF with no text layer.
@Suite struct LegacyFormatPipelineTests {
    static let sender = "c.bennett@ralphthoresby.example"

    private func fixture(_ name: String) throws -> [UInt8] {
        try SamplePaths.bytes(SamplePaths.repository.appendingPathComponent("Tests/TextExtractionTests/Fixtures/\(name)"))
    }

    private func message(attaching bytes: [UInt8], filename: String, type: String) -> [UInt8] {
        let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let lines = [
            "From: Chris Bennett <\(Self.sender)>", "To: someone@example.org", "Subject: Documents",
            "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b1", "", "--b1",
            "Content-Type: text/plain; charset=utf-8", "", "Please find the file attached.", "--b1",
            "Content-Type: \(type)", "Content-Disposition: attachment; filename=\"\(filename)\"",
            "Content-Transfer-Encoding: base64", "", encoded, "--b1--", "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    @Test(arguments: [
        ("legacy-word.doc", "review.doc", "application/msword", "attachment:review.doc#body"),
        ("legacy-excel.xls", "pupils.xls", "application/vnd.ms-excel", "attachment:pupils.xls#pupils row 2"),
        ("legacy-powerpoint.ppt", "group.ppt", "application/vnd.ms-powerpoint", "attachment:group.ppt#slide"),
        ("outlook-review.msg", "review.msg", "application/vnd.ms-outlook", "attachment:review.msg#"),
        ("writer.rtf", "notes.rtf", "application/rtf", "attachment:notes.rtf"),
        ("tnef-winmail.dat", "winmail.dat", "application/ms-tnef", "attachment:winmail.dat#"),
        ("qpdf-aes-256.pdf", "report.pdf", "application/pdf", "attachment:report.pdf#page 1"),
        ("qpdf-rc4-40.pdf", "report.pdf", "application/pdf", "attachment:report.pdf#page 1"),
    ])
    func pupilDataInsideIsHeldOutsideAndAcceptedInside(fixture name: String, filename: String, type: String, place: String) throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let bytes = message(attaching: try fixture(name), filename: filename, type: type)
        let outside = pipeline.scan(message: bytes, sender: Self.sender, recipients: ["someone@example.org"])
        #expect(outside.action == .quarantine, "\(name): \(outside.explanation)")
        #expect(outside.sections.contains(.confidentiality))
        let located = outside.findings.filter { $0.sections.contains(.confidentiality) && $0.location.description.hasPrefix(place) }
        #expect(!located.isEmpty, "\(name): \(outside.findings.map(\.location.description))")
        #expect(outside.problems.allSatisfy { !$0.leavesContentUnscanned }, "\(name): \(outside.problems)")
        let inside = pipeline.scan(message: bytes, sender: Self.sender, recipients: ["h.marsh@ralphthoresby.example"])
        #expect(inside.action == .accept, "\(name): \(inside.explanation)")
    }

    @Test(arguments: [
        ("legacy-word-password.doc", "review.doc", "encrypted"), ("legacy-excel-password.xls", "pupils.xls", "encrypted"),
        ("qpdf-aes-256-password.pdf", "report.pdf", "encrypted"), ("libreoffice-scanned-image.pdf", "scan.pdf", "no text layer"),
    ])
    func unreadableCopyIsHeldAsUnscannable(fixture name: String, filename: String, reason: String) throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let bytes = message(attaching: try fixture(name), filename: filename, type: "application/octet-stream")
        let outside = pipeline.scan(message: bytes, sender: Self.sender, recipients: ["someone@example.org"])
        #expect(outside.action == .quarantine)
        let finding = try #require(outside.findings.first { $0.detector == .unscannableContent })
        #expect(finding.location.description.hasPrefix("attachment:\(filename)"))
        #expect(outside.problems.contains { $0.kind == .unscannable && $0.message.contains(reason) })
    }
}
