import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// `chaperone scan --json` prints `ScanReportJSON.lineBytes(file:report:)`; these hold
/// it to the line `JSONEncoder` makes (`jsonLine()`), byte for byte, so a field added to
/// the report and its `encode(to:)` but not to the byte writer is caught.
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
            let report = try SampleRuntime.scan(bytes, pipeline: pipeline, expander: expander)
            let json = ScanReportJSON(file: file, report: report)
            findings += json.findings.count
            #expect(String(decoding: ScanReportJSON.lineBytes(file: file, report: report), as: UTF8.self) == json.jsonLine(), "\(file)")
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
            Finding(detector: .pupilName, location: TextLocation(kind: .attachmentName, name: "S\u{0}\"x\".pdf"),
                    evidence: "S****", confidence: 0.9),
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
            #expect(String(decoding: ScanReportJSON.lineBytes(file: file, report: copy), as: UTF8.self) == json.jsonLine())
        }
        // A value far past the writer's first buffer makes it grow while a string is half written.
        var long = report
        long.explanation = String(repeating: awkward, count: 2_000)
        #expect(String(decoding: ScanReportJSON.lineBytes(file: "long.eml", report: long), as: UTF8.self)
                == ScanReportJSON(file: "long.eml", report: long).jsonLine())
        let bareReport = ScanReport(action: .accept)
        let bare = ScanReportJSON(file: "bare.eml", report: bareReport)
        #expect(String(decoding: ScanReportJSON.lineBytes(file: "bare.eml", report: bareReport), as: UTF8.self) == bare.jsonLine())
    }

    /// Every confidence the printer rounds to hundredths (and some that are not between
    /// 0 and 1), over findings whose locations repeat, alternate and differ only in detail:
    /// locations written from their parts and the hundredths table print what the encoder prints.
    @Test func byteWriterMatchesJSONEncoderOnEveryHundredthAndRepeatedLocations() {
        let row = { (detail: String?) in TextLocation.attachment("list.csv", partPath: "2", detail: detail) }
        let locations = [row("row 2"), row("row 2"), row("row 3"), row("row 2"), row(nil), .body("1"), .body("1.1"), .header("Subject")]
        var confidences = (0...100).map { Double($0) / 100 }
        confidences += [0.005, 0.015, 0.125, 0.333_333, 0.994_999, 0.995, 1.004, 1.5, 2, -0.2, -0.004, 1e-9, 123.456]
        let findings = confidences.enumerated().map { index, confidence in
            Finding(detector: .pupilName, location: locations[index % locations.count], evidence: "A** B****",
                    confidence: confidence, pupil: index % 3 == 0 ? nil : "P\(index)",
                    sections: index % 4 == 0 ? [.socialContact, .confidentiality] : [])
        }
        let report = ScanReport(action: .quarantine, findings: findings)
        let json = ScanReportJSON(file: "many.eml", report: report)
        let line = String(decoding: ScanReportJSON.lineBytes(file: "many.eml", report: report), as: UTF8.self)
        let expected = json.jsonLine()
        #expect(line == expected)
        if line != expected, let at = zip(Array(line), Array(expected)).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("first difference at character \(at): \(line.dropFirst(max(0, at - 80)).prefix(160)) | \(expected.dropFirst(max(0, at - 80)).prefix(160))")
        }
    }
}
