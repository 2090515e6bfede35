import ArgumentParser
import ChaperoneModel
import Foundation
import MilterServer
import ScanPipeline

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
        for school in loaded.schools where !school.rosterReport.columnErrors.isEmpty {
            let listed = school.rosterReport.columnErrors.map { "  \($0)" }.joined(separator: "\n")
            let which = school.id.map { " of school '\($0)'" } ?? ""
            throw CommandFailure.input("\(file): the roster\(which) loads but its columns are wrong; fix the export and run `chaperone roster check`:\n\(listed)")
        }
        let c = loaded.configuration
        print("\(file): OK")
        for line in Self.modeLines(c) { print(line) }
        if c.hasSchoolList {
            print("  schools: \(loaded.schools.count), \(loaded.pupilCount) pupils in all; mail from no school: \(Self.unknownSchoolWording(c))")
        }
        for school in loaded.schools {
            let indent = school.id == nil ? "  " : "    "
            if let id = school.id { print("  school \(id): \(school.configuration.school.name)") }
            for line in Self.schoolLines(school) { print(indent + line) }
        }
        print("  milter: \(c.milter.listen), fail action \(c.milter.failAction.rawValue)")
        print("  store: \(c.store.url.map { "\($0) (PostgreSQL)" } ?? c.store.database)")
        for line in Self.learningLines(c) { print(line) }
        for line in Self.exposedRecipientsLines(c) { print(line) }
        for line in Self.selfServiceLines(c) { print(line) }
        do {
            for line in try Self.expansionLines(c, expander: loaded.expander) { print(line) }
        } catch {
            throw CommandFailure.input("recipient expansion: \(error)")
        }
    }
}

extension CheckConfigCommand {
    /// One school's domains, partners, roster counts, sender roles and roster problems.
    static func schoolLines(_ school: LoadedSchool) -> [String] {
        let c = school.configuration
        let roster = school.rosterReport.roster
        let name = school.id == nil ? "school: \(c.school.name) (" : "domains: ("
        var lines = [
            name + c.school.domains.joined(separator: ", ") + ")",
            "partners: \(c.school.partnerDomains.isEmpty ? "none" : c.school.partnerDomains.joined(separator: ", "))",
            "roster: \(roster.students.count) pupils, \(roster.contacts.count) contacts, \(roster.staff.count) staff from \(c.roster.files.count + (c.roster.staffFile == nil ? 0 : 1)) file(s)",
        ]
        lines += SenderRoleSummary(configuration: c, roster: roster).lines
        let problems = school.rosterReport.problems
        if !problems.isEmpty {
            lines.append("roster problems (\(problems.count)); run `chaperone roster check` for all of them:")
            lines += problems.prefix(10).map { "  \($0)" }
        }
        return lines
    }

    static func unknownSchoolWording(_ configuration: Configuration) -> String {
        switch configuration.unknownSchool {
        case .fail: "the fail action, \(configuration.milter.failAction.rawValue) (unknown_school: fail)"
        case .school(let id): "judged as school \(id)'s (unknown_school: \(id))"
        }
    }
}
