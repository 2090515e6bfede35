import ChaperoneModel
import Foundation
import ScanPipeline
import SeededRandom
import Testing

/// Bad input is normal input: every sample, truncated anywhere and with bytes
/// corrupted, still gets a decision from the whole pipeline, never a crash or a hang.
@Suite struct HostileInputTests {
    @Test func truncatedAndCorruptedSamplesStillGetADecision() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let files = try FileManager.default.contentsOfDirectory(atPath: SamplePaths.messages.path).filter { $0.hasSuffix(".eml") }.sorted()
        var generator = SplitMix64(state: 2026)
        var scanned = 0
        var unscannable = 0
        for file in files {
            let original = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent(file))
            var variants: [[UInt8]] = [[], Array(original.filter { $0 != 0x0D })]
            for _ in 0..<6 {
                variants.append(Array(original.prefix(Int.random(in: 0...original.count, using: &generator))))
                var corrupted = original
                for _ in 0..<max(1, corrupted.count / 50) {
                    corrupted[Int.random(in: 0..<corrupted.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                variants.append(corrupted)
            }
            for variant in variants {
                let report = pipeline.scan(message: variant, sender: "c.bennett@ralphthoresby.example", recipients: ["someone@gmail.com"])
                #expect(report.sizeBytes == variant.count)
                // Content that could not be scanned is never a silent accept when it leaves the school.
                if report.problems.contains(where: \.leavesContentUnscanned) {
                    unscannable += 1
                    #expect(report.action != .accept, "\(file): unscanned content accepted: \(report.problems)")
                }
                scanned += 1
            }
        }
        #expect(scanned == files.count * 14)
        #expect(unscannable > 0, "the corrupted archives and PDFs should include some that cannot be read")
    }

    @Test func messageOverTheSizeLimitIsHeldAsUnscannableWhenItLeavesTheSchool() throws {
        let (configuration, roster, _) = try SampleRuntime.load()
        var small = configuration
        small.limits.maxMessageBytes = 2048
        let pipeline = ScanPipeline(configuration: small, roster: roster.roster)
        var message = Array("From: a@ralphthoresby.example\r\nTo: b@example.org\r\nSubject: big\r\n\r\n".utf8)
        message += [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        let outside = pipeline.scan(message: message)
        #expect(outside.action == .quarantine)
        #expect(outside.problems.contains { $0.limit == "max_message_bytes" })
        #expect(outside.findings.contains { $0.detector == .unscannableContent })
        let inside = pipeline.scan(message: message, recipients: ["c@ralphthoresby.example"])
        #expect(inside.action == .accept)
    }
}
