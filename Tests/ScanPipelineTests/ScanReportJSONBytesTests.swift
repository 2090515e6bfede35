import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// `chaperone scan --json` prints `jsonLineBytes()`; these hold it to the line
/// `JSONEncoder` makes (`jsonLine()`), byte for byte, so a field added to the report
/// and its `encode(to:)` but not to the byte writer is caught.
@Suite struct ScanReportJSONBytesTests {
    @Test func byteWriterPrintsWhatJSONEncoderPrintsForEverySample() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let expander = try SampleRuntime.expander()
        let files = try FileManager.default.contentsOfDirectory(atPath: SamplePaths.messages.path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        #expect(files.count >= 76)
        var findings = 0
        for file in files {
            let bytes = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent(file))
            let json = ScanReportJSON(file: file, report: try SampleRuntime.scan(bytes, pipeline: pipeline, expander: expander))
            findings += json.findings.count
            #expect(String(decoding: json.jsonLineBytes(), as: UTF8.self) == json.jsonLine(), "\(file)")
        }
        #expect(findings > 100)
    }

    /// Every escape JSON needs, text beyond ASCII, numbers of every shape and every
    /// optional both present and absent.
    @Test func byteWriterMatchesJSONEncoderOnAwkwardValues() {
        let awkward = "quote \" backslash \\ slash / tab \t newline \n return \r \u{08}\u{0C}\u{01}\u{1F}\u{7F} é 😀 \u{2028} end"
        let sender = SenderIdentity(role: .outside, address: "a@b.example", basis: .authenticatedUser, rules: .staff,
                                    scanned: false, pupilKey: "K\"1", forwardedBy: "fw@school.example", reason: awkward)
        let findings = [
            Finding(detector: .upn, location: .attachment("a/b \"c\".csv", partPath: "1.2", detail: "Sheet1!row 4"),
                    evidence: awkward, confidence: 1, pupil: "K1", detail: awkward, sections: [.confidentiality]),
            Finding(detector: .pupilName, location: .body("1"), evidence: "J*** S****", confidence: 0.85),
            Finding(detector: .pupilName, location: .header("Subject"), evidence: "x", confidence: 0.000_01),
        ]
        let report = ScanReport(
            messageID: awkward, action: .quarantine, sections: [.confidentiality], findings: findings,
            recipients: [Recipient(address: "p@gmail.com", recipientClass: .personal, list: "list@school.example"),
                         Recipient(address: "q@school.example", recipientClass: .internal)],
            explanation: awkward + "\n\nsecond paragraph", problems: [], sizeBytes: 123_456_789, scanSeconds: 1.234_567, sender: sender)
        for (file, scanSeconds) in [(awkward, 1.234_567), ("plain.eml", 0), ("big.eml", 12_345.678), ("tiny.eml", 0.000_004)] {
            var copy = report
            copy.scanSeconds = scanSeconds
            let json = ScanReportJSON(file: file, report: copy)
            #expect(String(decoding: json.jsonLineBytes(), as: UTF8.self) == json.jsonLine())
        }
        let bare = ScanReportJSON(file: "bare.eml", report: ScanReport(action: .accept))
        #expect(String(decoding: bare.jsonLineBytes(), as: UTF8.self) == bare.jsonLine())
    }
}
