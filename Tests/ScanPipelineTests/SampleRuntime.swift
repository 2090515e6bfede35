import ChaperoneModel
import Foundation
import Policy
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
        let result = RosterImporter.importFiles(sources, staff: staff)
        return (configuration, result, ScanPipeline(configuration: configuration, roster: result.roster, version: "test"))
    }
}
