import ArgumentParser
import Foundation
import RosterImport

/// `chaperone roster check FILE... [--staff FILE] [--json]`: import the files exactly
/// as the milter would, print what was loaded and every problem, and exit 2 (an input
/// error) when the import is fatal.
struct RosterCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load roster files and report pupils, contacts, staff and every problem."
    )

    @Argument(help: "MIS CSV exports and/or CTF XML files.")
    var files: [String]

    @Option(help: "Staff list CSV (Email, Name, Personal Email).")
    var staff: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one roster file.") }
    }

    func run() async throws {
        let sources = try files.map(Self.read)
        let staffSource = try staff.map(Self.read)
        let result = RosterImporter.importFiles(sources, staff: staffSource)
        let report = RosterCheckReport(result)
        if json {
            JSONLines.print(report)
        } else {
            print(report.text)
        }
        if result.failsCheck { throw ExitCode(ExitStatus.usageOrInput.rawValue) }
    }

    static func read(_ path: String) throws -> RosterSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path): check the path and that it is readable by this user.")
        }
        return RosterSource(name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
    }
}
