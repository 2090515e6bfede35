import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// A school day of ordinary mail (Fixtures/school-day: staff to parents about their own
/// children, trips, clubs, newsletters, referrals to the local authority and the NHS,
/// bookings and invoices with long reference numbers, and the mistakes the policy is
/// for), written by hand for this test with the sample roster's invented pupils. Each
/// message's action and breached `sections` must be exactly as `expected.tsv` says,
/// through the same pipeline as `chaperone scan --config samples/chaperone.yaml`.
@Suite struct SchoolDayTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var action: Action
        var sections: [Section]
        var testDescription: String { file }
    }

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/school-day")
    }

    static func expectations() -> [Expectation] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("expected.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3, let action = Action(rawValue: columns[1]) else { return nil }
            let sections = columns[2].split(separator: ",").compactMap { Section(rawValue: String($0)) }
            return Expectation(file: columns[0], action: action, sections: sections)
        }
    }

    @Test func everyMessageHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count >= 40)
        #expect(Set(files) == Set(Self.expectations().map(\.file)))
    }

    @Test(arguments: expectations())
    func verdict(_ expectation: Expectation) throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let bytes = try SamplePaths.bytes(Self.directory.appendingPathComponent(expectation.file))
        let report = try SampleRuntime.scan(bytes, pipeline: pipeline, expander: try SampleRuntime.expander())
        let found = report.findings.map { "\($0.detector.rawValue) \($0.evidence) \($0.confidence) \($0.rules)" }
        #expect(report.action == expectation.action, "\(found)")
        #expect(report.sections == expectation.sections, "\(found)")
        // A tag breaches nothing but always names the rule that tagged the message.
        if report.action == .tag {
            #expect(!report.rules.isEmpty && !report.governingSections.isEmpty)
        }
    }
}
