import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// Every decision lists every body and attachment with what the scan did with it, so
/// the decision page can show what was read as well as what was found. The message is
/// built here (an invented sender; no pupil data); the PNG is an 8-byte signature and
/// header, the program an "MZ" stub, the encrypted part a PGP-labelled blob.
@Suite struct MessagePartsTests {
    private static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                                       0, 0, 0, 40, 0, 0, 0, 30, 8, 2, 0, 0, 0]

    private static func message() -> [UInt8] {
        let lines = [
            "From: Claire Bennett <c.bennett@ralphthoresby.example>", "To: <clerk@leedsharriers.example>", "Subject: kit list",
            "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"outer\"", "",
            "--outer", "Content-Type: multipart/alternative; boundary=\"alt\"", "",
            "--alt", "Content-Type: text/plain; charset=utf-8", "", "Kit list attached.", "",
            "--alt", "Content-Type: text/html; charset=utf-8", "", "<p>Kit list attached.</p>", "",
            "--alt--",
            "--outer", "Content-Type: image/png", "Content-Disposition: attachment; filename=\"crest.png\"",
            "Content-Transfer-Encoding: base64", "", Data(png).base64EncodedString(), "",
            "--outer", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"setup.exe\"",
            "Content-Transfer-Encoding: base64", "", Data([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]).base64EncodedString(), "",
            "--outer", "Content-Type: application/pgp-encrypted", "Content-Disposition: attachment; filename=\"kit.pgp\"", "",
            "Version: 1", "",
            "--outer--", "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    @Test func everyBodyAndAttachmentIsListedWithItsHandling() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let report = pipeline.scan(message: Self.message(), sender: "c.bennett@ralphthoresby.example", recipients: ["clerk@leedsharriers.example"])
        let summary = report.parts.map { "\($0.path) \($0.kind.rawValue) \($0.filename) \($0.handling.rawValue)" }
        #expect(summary == [
            "1.1 body  read", "1.2 body  read", "2 attachment crest.png media", "3 attachment setup.exe program",
            "4 attachment kit.pgp unscannable",
        ], "\(summary)")
        let body = try #require(report.parts.first)
        #expect(body.size >= "Kit list attached.".utf8.count, "\(body)")
        #expect(report.parts[2].contentType == "image/png")
        #expect(report.parts[2].size == Self.png.count)
        #expect(report.parts[4].unreadReason != nil, "\(report.parts[4])")
    }

    /// Mail out of scope is not read, so no part is listed as read.
    @Test func mailNotReadListsNoParts() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let report = pipeline.scan(message: Self.message(), sender: "someone@outside.example", recipients: ["c.bennett@ralphthoresby.example"])
        #expect(report.sender.scanned == false)
        #expect(report.parts.isEmpty)
    }
}
