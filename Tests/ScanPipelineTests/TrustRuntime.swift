import ChaperoneModel
import Foundation
import Policy
import RosterImport
import ScanPipeline

/// Builds the pipelines exactly as `chaperone scan --config samples/trust.yaml` does:
/// every school's roster files read, then `SchoolPipelines.load`.
enum TrustRuntime {
    static var configurationURL: URL { SamplePaths.samples.appendingPathComponent("trust.yaml") }

    static func configuration(_ edit: (inout String) -> Void = { _ in }) throws -> Configuration {
        var text = String(decoding: try SamplePaths.bytes(configurationURL), as: UTF8.self)
        edit(&text)
        return try ConfigurationLoader.load(yaml: text, source: "trust.yaml", baseDirectory: SamplePaths.samples.path)
    }

    static func files(_ configuration: Configuration) throws -> [SchoolRosterFiles] {
        try configuration.schoolConfigurations.map { school in
            SchoolRosterFiles(
                id: school.id, configuration: school.configuration,
                rosters: try school.configuration.roster.files.map { RosterSource(name: $0, bytes: try SamplePaths.bytes(URL(fileURLWithPath: $0))) },
                staff: try school.configuration.roster.staffFile.map { RosterSource(name: $0, bytes: try SamplePaths.bytes(URL(fileURLWithPath: $0))) })
        }
    }

    static func loaded(_ configuration: Configuration, previous: [LoadedSchool] = []) throws -> [LoadedSchool] {
        try SchoolPipelines.load(try files(configuration), previous: previous).map { try $0.get() }
    }

    static func pipelines(_ edit: (inout String) -> Void = { _ in }) throws -> SchoolPipelines {
        let configuration = try configuration(edit)
        return SchoolPipelines(configuration: configuration, loaded: try loaded(configuration))
    }
}
