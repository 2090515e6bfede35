import ArgumentParser
import Foundation
import RosterImport

/// `chaperone roster check [FILE...] [--staff FILE] [--config FILE] [--json]`: import
/// the files exactly as the milter would (with the configuration's consent headings,
/// and its roster files when none are given), print what was loaded and every
/// problem, and exit non-zero when the import is fatal.
struct RosterCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load roster files and report pupils, contacts, staff and every problem."
    )

    @Argument(help: "MIS CSV exports and/or CTF XML files (default: the configuration's roster files).")
    var files: [String] = []

    @Option(help: "YAML configuration: its roster.consent_columns apply, and its roster files when none are given.")
    var config: String?

    @Option(help: "Staff list CSV (Email, Name, Personal Email).")
    var staff: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty || config != nil else {
            throw ValidationError("Give at least one roster file, or --config with roster.files.")
        }
    }

    func run() async throws {
        let configuration = try loadConfiguration(path: config)
        let paths = files.isEmpty ? configuration.roster.files : files
        guard !paths.isEmpty else { throw ValidationError("The configuration lists no roster.files: give the files.") }
        let sources = try paths.map(Self.read)
        let staffSource = try (staff ?? (files.isEmpty ? configuration.roster.staffFile : nil)).map(Self.read)
        let result = RosterImporter.importFiles(
            sources, staff: staffSource, consentHeadings: ConsentHeadings(configured: configuration.roster.consentColumns))
        let report = RosterCheckReport(result)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if result.isFatal { throw ExitCode(1) }
    }

    static func read(_ path: String) throws -> RosterSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path): check the path and that it is readable by this user.")
        }
        return RosterSource(name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
    }
}
