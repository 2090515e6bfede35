import ArgumentParser
import ChaperoneModel
import Foundation
import RosterImport

/// `chaperone roster check [FILE...] [--staff FILE] [--config FILE [--school ID]] [--json]`: import
/// the files exactly as the milter would (with the configuration's consent headings,
/// and its roster files when none are given), print what was loaded and every
/// problem, and exit 2 (an input error) when the import is fatal or its columns are wrong.
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

    @Option(help: "With a configuration that lists schools: the id of the school whose roster to check.")
    var school: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty || config != nil else {
            throw ValidationError("Give at least one roster file, or --config with roster.files.")
        }
    }

    func run() async throws {
        let configuration = try Self.schoolConfiguration(try loadConfiguration(path: config), id: school)
        let paths = files.isEmpty ? configuration.roster.files : files
        guard !paths.isEmpty else { throw ValidationError("The configuration lists no roster.files: give the files.") }
        let sources = try paths.map(Self.read)
        let staffSource = try (staff ?? (files.isEmpty ? configuration.roster.staffFile : nil)).map(Self.read)
        let result = RosterImporter.importFiles(
            sources, staff: staffSource, consentHeadings: ConsentHeadings(configured: configuration.roster.consentColumns))
        let report = RosterCheckReport(result)
        if json {
            JSONLines.print(report)
        } else {
            print(report.text)
        }
        if result.failsCheck { throw ExitCode(ExitStatus.usageOrInput.rawValue) }
    }

    /// The named school's effective configuration under `schools:`; the configuration
    /// itself in the single-school form.
    static func schoolConfiguration(_ configuration: ChaperoneModel.Configuration, id: String?) throws -> ChaperoneModel.Configuration {
        guard configuration.hasSchoolList else {
            if id != nil { throw ValidationError("--school applies to a configuration that lists schools:; this one is a single school.") }
            return configuration
        }
        let ids = configuration.schools.map(\.id).joined(separator: ", ")
        guard let id else { throw ValidationError("The configuration lists schools: give --school with one of \(ids).") }
        guard let entry = configuration.schools.first(where: { $0.id == id }) else {
            throw ValidationError("'\(id)' is not a school id in the configuration: use one of \(ids).")
        }
        return entry.configuration
    }

    static func read(_ path: String) throws -> RosterSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path): check the path and that it is readable by this user.")
        }
        return RosterSource(name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
    }
}
