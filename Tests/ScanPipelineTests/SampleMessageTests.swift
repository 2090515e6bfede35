import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// Every message in samples/messages has its expected verdict in
/// samples/messages/expected.tsv (file, action, sections, why); this checks them all
/// through the same pipeline the milter runs. A why that starts `rewritten:` means the
/// To and Cc are rewritten (exposed recipients); every other sample's headers go out as
/// they came. A why that starts `trust.yaml:` means the sample is judged with the
/// two-school sample configuration, samples/trust.yaml.
@Suite struct SampleMessageTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var action: Action
        var sections: [Section]
        var rewritten: Bool
        var trust: Bool
        var testDescription: String { file }
    }

    static func expectations() -> [Expectation] {
        let url = SamplePaths.messages.appendingPathComponent("expected.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3, let action = Action(rawValue: columns[1]) else { return nil }
            let sections = columns[2].split(separator: ",").compactMap { Section(rawValue: String($0)) }
            let rewritten = columns.count > 3 && columns[3].hasPrefix("rewritten:")
            let trust = columns.count > 3 && columns[3].hasPrefix("trust.yaml:")
            return Expectation(file: columns[0], action: action, sections: sections, rewritten: rewritten, trust: trust)
        }
    }

    @Test func everySampleHasAnExpectationAndThereAreEnough() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SamplePaths.messages.path).filter { $0.hasSuffix(".eml") }
        let expected = Set(Self.expectations().map(\.file))
        #expect(files.count >= 40)
        #expect(Set(files) == expected)
    }

    @Test(arguments: expectations())
    func verdict(_ expectation: Expectation) throws {
        let bytes = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent(expectation.file))
        let report: ScanReport
        if expectation.trust {
            report = try TrustRuntime.pipelines().scan(message: bytes)
        } else {
            let (_, _, pipeline) = try SampleRuntime.load()
            report = try SampleRuntime.scan(bytes, pipeline: pipeline, expander: try SampleRuntime.expander())
        }
        #expect(report.action == expectation.action, "\(report.findings.map { "\($0.detector.rawValue)@\($0.location) \($0.confidence)" })")
        #expect(report.sections == expectation.sections)
        #expect(report.recipientsRewritten == expectation.rewritten)
    }
}
