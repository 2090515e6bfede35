import ChaperoneModel
import Foundation
import Policy
import RecipientExpansion
import RosterImport
import ScanPipeline
import Store

/// The sample configuration, roster and messages (`samples/`), built as
/// `chaperone scan --config samples/chaperone.yaml` builds them, with a variant of the
/// configuration text for a proposed change.
enum SampleStore {
    static var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples")
    }

    static var configurationText: String {
        get throws { try String(contentsOf: samples.appendingPathComponent("chaperone.yaml"), encoding: .utf8) }
    }

    /// The pipeline and recipient expansion for `yaml` (the sample file, or an edit of it).
    static func runtime(_ yaml: String) throws -> (pipelines: SchoolPipelines, expander: RecipientExpander?) {
        let configuration = try ConfigurationLoader.load(yaml: yaml, source: "chaperone.yaml", baseDirectory: samples.path)
        let sources = try configuration.roster.files.map { RosterSource(name: $0, bytes: try bytes(URL(fileURLWithPath: $0))) }
        let staff = try configuration.roster.staffFile.map { RosterSource(name: $0, bytes: try bytes(URL(fileURLWithPath: $0))) }
        let roster = RosterImporter.importFiles(
            sources, staff: staff, consentHeadings: ConsentHeadings(configured: configuration.roster.consentColumns)).roster
        let pipeline = ScanPipeline(configuration: configuration, roster: roster, version: "test")
        return (SchoolPipelines(single: pipeline), try RecipientExpander.make(configuration: configuration))
    }

    /// The sample messages judged with `samples/chaperone.yaml` (not those of trust.yaml).
    static func messages() throws -> [(name: String, bytes: [UInt8])] {
        let expected = try String(contentsOf: samples.appendingPathComponent("messages/expected.tsv"), encoding: .utf8)
        return try expected.split(separator: "\n").dropFirst().compactMap { line -> (String, [UInt8])? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, !fields[3].hasPrefix("trust.yaml:") else { return nil }
            let name = String(fields[0])
            return (name, try bytes(samples.appendingPathComponent("messages/\(name)")))
        }
    }

    /// Scans a message as `chaperone scan` does: envelope from the headers, expanded.
    static func scan(_ bytes: [UInt8], _ runtime: (pipelines: SchoolPipelines, expander: RecipientExpander?)) throws
        -> (ScanReport, Envelope)
    {
        var envelope = runtime.pipelines.envelope(ofMessage: bytes)
        if let expander = runtime.expander { envelope = try expander.expand(envelope) }
        return (try runtime.pipelines.scan(message: bytes, envelope: envelope), envelope)
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}
