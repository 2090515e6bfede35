import Foundation
import Testing

/// Many schools in one configuration, as a trust's technician runs it: `chaperone scan
/// --json`, `check-config` and `config show` over samples/trust.yaml (Ralph Thoresby
/// School and Ash Grove Primary), the built executable, real files.
@Suite struct TrustScanCommandTests {
    static func scan(_ arguments: [String]) throws -> (status: Int32, objects: [[String: Any]], errors: String) {
        let run = try CLIRun.run(["scan", "--json", "--config", "samples/trust.yaml"] + arguments)
        let objects = try run.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (run.status, objects, run.errors)
    }

    static func classes(_ object: [String: Any]) -> [String] {
        (object["recipients"] as? [[String: Any]] ?? []).compactMap { $0["class"] as? String }
    }

    @Test func eachMessageIsJudgedAndNamedByItsOwnSchool() throws {
        let samples = ["95-sen-to-another-school-of-the-trust.eml", "96-transition-sen-to-partner-school.eml",
                       "97-primary-class-list-to-club.eml", "98-other-schools-pupils-unknown-to-sender.eml"]
        let run = try Self.scan(samples.map { "samples/messages/" + $0 })
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.objects.map { $0["school_id"] as? String } == ["ralph-thoresby", "ash-grove", "ash-grove", "ralph-thoresby"])
        #expect(run.objects.map { $0["school"] as? String } == ["Ralph Thoresby School", "Ash Grove Primary School", "Ash Grove Primary School", "Ralph Thoresby School"])
        #expect(run.objects.map { $0["action"] as? String } == ["quarantine", "tag", "quarantine", "accept"])
        #expect(run.objects.map(Self.classes) == [["external"], ["partner"], ["external"], ["external"]])
        #expect((run.objects[0]["explanation"] as? String)?.contains("Ralph Thoresby School's Online Safety") == true)
        #expect((run.objects[2]["explanation"] as? String)?.contains("Ash Grove Primary School's Online Safety") == true)
    }

    @Test func theLoginPicksTheSchoolAndAPupilOfAnotherSchoolIsExternal() throws {
        // Ash Grove's SEN record, sent by an Ash Grove login whatever the MAIL FROM says,
        // to an Ash Grove pupil's address: a student of its own school.
        let own = try Self.scan(["--auth", "senco@ashgrove.example", "--from", "office@ralphthoresby.example",
                                 "--rcpt", "mashworth@pupils.ashgrove.example", "samples/messages/96-transition-sen-to-partner-school.eml"])
        let ownReport = try #require(own.objects.first)
        #expect(ownReport["school_id"] as? String == "ash-grove")
        #expect(Self.classes(ownReport) == ["student"])
        // The same address written to from Ralph Thoresby: external to Ralph Thoresby.
        let other = try Self.scan(["--from", "h.marsh@ralphthoresby.example", "--rcpt", "mashworth@pupils.ashgrove.example",
                                   "samples/messages/95-sen-to-another-school-of-the-trust.eml"])
        let otherReport = try #require(other.objects.first)
        #expect(otherReport["school_id"] as? String == "ralph-thoresby")
        #expect(Self.classes(otherReport) == ["external"])
        #expect(otherReport["action"] as? String == "quarantine")
    }

    @Test func mailFromNoSchoolIsAnErrorWithTheFix() throws {
        let run = try Self.scan(["--from", "someone@example.org", "--rcpt", "other@example.net", "samples/messages/99-supplier-to-both-schools.eml"])
        #expect(run.status == 2)
        #expect(run.objects.isEmpty)
        #expect(run.errors.contains("belongs to no configured school"), "\(run.errors)")
        #expect(run.errors.contains("set unknown_school to a school id"))
        // Inbound to both schools is accepted unread, each recipient as its own school sees it.
        let inbound = try Self.scan(["samples/messages/99-supplier-to-both-schools.eml"])
        let report = try #require(inbound.objects.first)
        #expect(report["scanned"] as? Bool == false && report["action"] as? String == "accept")
        #expect(Self.classes(report) == ["internal", "internal"])
    }

    /// A copy of samples/trust.yaml with `edit` applied, in a temporary directory with
    /// the sample rosters beside it.
    static func editedTrust(_ edit: (String) -> String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let samples = ProductionPath.repository.appendingPathComponent("samples")
        for folder in ["roster", "trust"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
        }
        let text = try String(contentsOf: samples.appendingPathComponent("trust.yaml"), encoding: .utf8)
        let file = directory.appendingPathComponent("trust.yaml")
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkConfigNamesTheSchoolTheLineAndTheFix() throws {
        let good = try CLIRun.run(["check-config", "samples/trust.yaml"])
        #expect(good.status == 0, "\(good.errors)")
        #expect(good.output.contains("schools: 2, 87 pupils in all"))
        #expect(good.output.contains("school ash-grove: Ash Grove Primary School"))
        let duplicate = try Self.editedTrust { $0.replacingOccurrences(of: "domains: [ashgrove.example]", with: "domains: [ashgrove.example, ralphthoresby.example]") }
        let run = try CLIRun.run(["check-config", duplicate.path])
        #expect(run.status == 2)
        #expect(run.errors.contains("domain 'ralphthoresby.example' is also school 'ralph-thoresby's"), "\(run.errors)")
        #expect(run.errors.contains("trust.yaml:"))
        let missing = try Self.editedTrust { $0.replacingOccurrences(of: "trust/ash-grove-staff.csv", with: "trust/no-such-staff.csv") }
        let absent = try CLIRun.run(["check-config", missing.path])
        #expect(absent.status == 2)
        #expect(absent.errors.contains("school 'ash-grove': staff file"), "\(absent.errors)")
        #expect(absent.errors.contains("check the path"))
        for file in [duplicate, missing] { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    }

    @Test func rosterCheckTakesTheSchoolToCheck() throws {
        let ash = try CLIRun.run(["roster", "check", "--config", "samples/trust.yaml", "--school", "ash-grove"])
        #expect(ash.status == 0, "\(ash.errors)")
        #expect(ash.output.contains("pupils: 12 (12 with a UPN)"), "\(ash.output)")
        let unnamed = try CLIRun.run(["roster", "check", "--config", "samples/trust.yaml"])
        #expect(unnamed.status == 2)
        #expect(unnamed.errors.contains("give --school with one of ralph-thoresby, ash-grove"), "\(unnamed.errors)")
    }

    @Test func configShowListsEachSchoolsOwnSettings() throws {
        let all = try CLIRun.run(["config", "show", "--config", "samples/trust.yaml"])
        #expect(all.status == 0, "\(all.errors)")
        let lines = all.output.split(separator: "\n").map(String.init)
        #expect(lines == lines.sorted())
        #expect(lines.contains("schools.ash-grove.school.name = Ash Grove Primary School"))
        #expect(lines.contains("schools.ash-grove.thresholds.bulk_pupils = 5"))
        #expect(lines.contains("schools.ralph-thoresby.thresholds.bulk_pupils = 10"))
        #expect(lines.contains("unknown_school = fail"))
        #expect(!lines.contains { $0.hasPrefix("schools.ash-grove.milter.") }, "deployment-wide settings are listed once")
        let changed = try CLIRun.run(["config", "show", "--changed", "--config", "samples/trust.yaml"]).output
        #expect(changed.contains("schools.ash-grove.thresholds.bulk_pupils = 5\n"))
        #expect(!changed.contains("schools.ralph-thoresby.thresholds.bulk_pupils"), "the default is not a change")
    }
}
