import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// `limits.max_findings_per_detector` bounds what a report lists, never what it decides:
/// every sample, and a message with thousands of pupil rows, get the same decision with
/// the smallest cap as with none, and every finding left out is counted.
@Suite struct FindingCapTests {
    static func pipeline(cap: Int) throws -> ScanPipeline {
        let (configuration, roster, _) = try SampleRuntime.load()
        var capped = configuration
        capped.limits.maxFindingsPerDetector = cap
        return ScanPipeline(configuration: capped, roster: roster.roster, version: "test")
    }

    static func isSummary(_ finding: Finding) -> Bool {
        finding.detail?.contains("limits.max_findings_per_detector") == true
    }

    /// The same decision, and per detector the listed plus the counted equal all found.
    static func expectSameDecision(_ capped: ScanReport, _ uncapped: ScanReport, _ name: String) {
        #expect(capped.action == uncapped.action, "\(name)")
        #expect(capped.sections == uncapped.sections, "\(name)")
        #expect(capped.recipients == uncapped.recipients, "\(name)")
        #expect(capped.sender == uncapped.sender, "\(name)")
        #expect(capped.alertsSafeguardingLead == uncapped.alertsSafeguardingLead, "\(name)")
        #expect(capped.headerRewrite == uncapped.headerRewrite, "\(name)")
        #expect(capped.problems == uncapped.problems, "\(name)")
        for detector in Set(uncapped.findings.map(\.detector)) {
            let all = uncapped.findings.filter { $0.detector == detector }.count
            let listed = capped.findings.filter { $0.detector == detector && !isSummary($0) }
            let counted = capped.findings.filter { $0.detector == detector && isSummary($0) }
                .map { Int($0.evidence.split(separator: " ").first ?? "") ?? -1 }.reduce(0, +)
            #expect(listed.count + counted == all, "\(name): \(detector)")
            // Every pupil and every section the uncapped findings name is still listed.
            let pupils = Set(uncapped.findings.filter { $0.detector == detector }.compactMap(\.pupil))
            #expect(Set(listed.compactMap(\.pupil)) == pupils, "\(name): \(detector)")
            let sections = Set(uncapped.findings.filter { $0.detector == detector }.flatMap(\.sections))
            #expect(Set(listed.flatMap(\.sections)) == sections, "\(name): \(detector)")
        }
    }

    @Test func everySampleGetsTheSameDecisionWithACapOfOne() throws {
        let capped = try Self.pipeline(cap: 1), uncapped = try Self.pipeline(cap: 1_000_000)
        let expander = try SampleRuntime.expander()
        let files = try FileManager.default.contentsOfDirectory(atPath: SamplePaths.messages.path).filter { $0.hasSuffix(".eml") }.sorted()
        var cappedAny = false
        for file in files {
            let bytes = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent(file))
            let small = try SampleRuntime.scan(bytes, pipeline: capped, expander: expander)
            let full = try SampleRuntime.scan(bytes, pipeline: uncapped, expander: expander)
            cappedAny = cappedAny || small.findings.contains(where: Self.isSummary)
            Self.expectSameDecision(small, full, file)
        }
        #expect(cappedAny, "no sample had findings past a cap of one, so nothing was tested")
    }

    /// The sample roster's pupils, each row forty times over, in a CSV sent to a parent's
    /// personal address: thousands of findings, far past the default cap of 100.
    @Test func aMessageFarPastTheCapIsDecidedAsUncappedAndListsAtMostTheCap() throws {
        let roster = String(decoding: try SamplePaths.bytes(SamplePaths.samples.appendingPathComponent("roster/pupils.csv")), as: UTF8.self)
        var lines = roster.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let heading = lines.removeFirst()
        let rows = (0..<40).flatMap { _ in lines.filter { !$0.contains("\"") } }
        let csv = ([heading] + rows).joined(separator: "\n") + "\n"
        let message = [
            "From: Helen Marsh <h.marsh@ralphthoresby.example>", "To: someone.at.home@gmail.com", "Subject: lists",
            "Message-ID: <cap-test@ralphthoresby.example>", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "", "Lists attached.",
            "--b", "Content-Type: text/csv; name=\"pupils.csv\"", "Content-Disposition: attachment; filename=\"pupils.csv\"",
            "Content-Transfer-Encoding: base64", "", Data(csv.utf8).base64EncodedString(options: .lineLength76Characters), "--b--", "",
        ].joined(separator: "\r\n")
        let bytes = Array(message.utf8)
        let capped = try Self.pipeline(cap: 100).scan(message: bytes)
        let uncapped = try Self.pipeline(cap: 1_000_000).scan(message: bytes)
        #expect(uncapped.action == .quarantine)
        #expect(uncapped.findings.count > 3_000)
        Self.expectSameDecision(capped, uncapped, "40 copies of the roster")
        let pupils = Set(uncapped.findings.compactMap(\.pupil)).count
        for detector in Set(capped.findings.map(\.detector)) {
            let listed = capped.findings.filter { $0.detector == detector && !Self.isSummary($0) }.count
            #expect(listed <= 100 + 2 * pupils, "\(detector)")
            #expect(capped.findings.filter { $0.detector == detector && Self.isSummary($0) }.count <= 1)
        }
        #expect(capped.findings.count < uncapped.findings.count / 3)
    }
}
