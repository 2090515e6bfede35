import ChaperoneModel
import Foundation
import Policy
import RecipientExpansion
import RosterImport
import ScanPipeline

/// Builds the pipeline exactly as `chaperone scan --config samples/chaperone.yaml` does.
enum SampleRuntime {
    static func load() throws -> (Configuration, RosterImportResult, ScanPipeline) {
        let text = String(decoding: try SamplePaths.bytes(SamplePaths.configuration), as: UTF8.self)
        let configuration = try ConfigurationLoader.load(
            yaml: text, source: "chaperone.yaml", baseDirectory: SamplePaths.samples.path)
        let sources = try configuration.roster.files.map {
            RosterSource(name: $0, bytes: try SamplePaths.bytes(URL(fileURLWithPath: $0)))
        }
        let staff = try configuration.roster.staffFile.map {
            RosterSource(name: $0, bytes: try SamplePaths.bytes(URL(fileURLWithPath: $0)))
        }
        let result = RosterImporter.importFiles(
            sources, staff: staff, consentHeadings: ConsentHeadings(configured: configuration.roster.consentColumns))
        return (configuration, result, ScanPipeline(configuration: configuration, roster: result.roster, version: "test"))
    }

    /// The sample configuration's recipient expansion (its list file; no Postfix).
    static func expander() throws -> RecipientExpander? {
        let (configuration, _, _) = try load()
        return try RecipientExpander.make(configuration: configuration)
    }

    /// Scans a sample as `chaperone scan --config samples/chaperone.yaml` does: the
    /// envelope from the headers, expanded through the sample lists.
    static func scan(_ bytes: [UInt8], pipeline: ScanPipeline, expander: RecipientExpander?) throws -> ScanReport {
        guard let expander else { return pipeline.scan(message: bytes) }
        return pipeline.scan(message: bytes, envelope: try expander.expand(pipeline.envelope(ofMessage: bytes)))
    }
}
