import ArgumentParser
import Foundation
import MilterServer

/// `chaperone check-config FILE`: validates a configuration file and the roster files it
/// names, printing line-accurate errors, so a broken file is caught before a reload.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file and the roster it names."
    )

    @Argument(help: "The YAML configuration file.")
    var file: String

    func run() throws {
        let loaded: RuntimeLoader.Loaded
        do {
            let options = try RuntimeOptions.parse(["--config", file])
            loaded = try RuntimeLoader(options: options).load()
            try ServeRuntime.checkStartable(loaded.configuration)
        } catch {
            throw CommandFailure.input("\(error)")
        }
        let columnErrors = loaded.rosterReport.columnErrors
        guard columnErrors.isEmpty else {
            let listed = columnErrors.map { "  \($0)" }.joined(separator: "\n")
            throw CommandFailure.input("\(file): the roster loads but its columns are wrong; fix the export and run `chaperone roster check`:\n\(listed)")
        }
        let c = loaded.configuration
        let roster = loaded.rosterReport.roster
        print("\(file): OK")
        for line in Self.modeLines(c) { print(line) }
        print("  school: \(c.school.name) (\(c.school.domains.joined(separator: ", ")))")
        print("  partners: \(c.school.partnerDomains.isEmpty ? "none" : c.school.partnerDomains.joined(separator: ", "))")
        print("  roster: \(roster.students.count) pupils, \(roster.contacts.count) contacts, \(roster.staff.count) staff from \(c.roster.files.count + (c.roster.staffFile == nil ? 0 : 1)) file(s)")
        for line in SenderRoleSummary(configuration: c, roster: roster).lines { print("  " + line) }
        let problems = loaded.rosterReport.problems
        if !problems.isEmpty {
            print("  roster problems (\(problems.count)); run `chaperone roster check` for all of them:")
            for problem in problems.prefix(10) { print("    \(problem)") }
        }
        print("  milter: \(c.milter.listen), fail action \(c.milter.failAction.rawValue)")
        print("  store: \(c.store.url.map { "\($0) (PostgreSQL)" } ?? c.store.database)")
        for line in Self.exposedRecipientsLines(c) { print(line) }
        do {
            for line in try Self.expansionLines(c, expander: loaded.expander) { print(line) }
        } catch {
            throw CommandFailure.input("recipient expansion: \(error)")
        }
    }
}
