import Foundation
import Testing

/// The command-line contract (README, "The command-line contract") command by command:
/// `--version`; every `--json` output is JSON Lines with snake_case keys; errors are one
/// `chaperone <command>: …` line, or JSON on standard error with `--json`; exit status
/// 0 success, 1 breach or refused, 2 usage or input error; a missing database is
/// refused unless `--create`. The store is filled by `scan --record` over two samples.
@Suite(.serialized) struct CLIContractTests {
    static let quarantined = "samples/messages/20-pupil-personal-address.eml"
    static let accepted = "samples/messages/01-internal-staff-note.eml"

    /// A store with one quarantine and one accept, recorded by `scan --record`.
    static func recordedStore() throws -> (directory: URL, database: String) {
        let directory = try CLIRun.temporaryDirectory()
        let database = directory.appendingPathComponent("c.sqlite").path
        let scan = try CLIRun.run(["scan", "--config", "samples/chaperone.yaml", "--record", "--database", database, quarantined, accepted])
        #expect(scan.status == 1, "\(scan.errors)")
        #expect(scan.output.contains("decisions recorded in \(database)"))
        return (directory, database)
    }

    /// `scan` reads a file whose size fstat does not give (a pipe: size 0) to its end,
    /// through more than one read buffer, and decides on it what it decides on the file.
    @Test func scanReadsAPipeToItsEndAsItReadsTheFile() throws {
        let sample = try String(contentsOf: ProductionPath.repository.appendingPathComponent(
            "samples/messages/54-staff-class-list-to-webmail.eml"), encoding: .utf8)
        // About 160 KB: past the first one-byte read and two 64 KB chunks, ending in a short one.
        let message = sample + "\n" + String(repeating: "Homework is set on the usual platform every Tuesday.\n", count: 3_000)
        let directory = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("padded.eml")
        try Data(message.utf8).write(to: file)
        let byPath = try CLIRun.run(["scan", "--json", "--config", "samples/chaperone.yaml", file.path])
        let byPipe = try CLIRun.run(["scan", "--json", "--config", "samples/chaperone.yaml", "/dev/stdin"], input: message)
        #expect(byPath.status == 1 && byPipe.status == 1, "\(byPath.errors) \(byPipe.errors)")
        let pathLine = try #require(try CLIRun.jsonLines(byPath.output).first)
        let pipeLine = try #require(try CLIRun.jsonLines(byPipe.output).first)
        #expect(pipeLine["size_bytes"] as? Int == message.utf8.count)
        #expect(pathLine["size_bytes"] as? Int == message.utf8.count)
        #expect(pipeLine["action"] as? String == pathLine["action"] as? String)
        let findings = { (line: [String: Any]) throws -> Data in
            try JSONSerialization.data(withJSONObject: line["findings"] ?? [], options: [.sortedKeys])
        }
        #expect(try findings(pipeLine) == findings(pathLine))
        #expect((pathLine["findings"] as? [Any])?.isEmpty == false, "the sample must have findings to compare")
    }

    @Test func versionComesFromTheOneVersionConstant() throws {
        let source = try String(contentsOf: ProductionPath.repository.appendingPathComponent("Sources/chaperone/ChaperoneVersion.swift"), encoding: .utf8)
        let version = try #require(source.firstMatch(of: /current = "([0-9.]+)"/)?.1)
        let run = try CLIRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "\(version)\n")
    }

    @Test func everyJSONOutputIsJSONLinesWithSnakeCaseKeys() throws {
        let (directory, database) = try Self.recordedStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ["--database", database]
        let list = try CLIRun.run(["quarantine", "list", "--json"] + store)
        #expect(list.status == 0, "\(list.errors)")
        let held = try #require(try CLIRun.jsonLines(list.output).first)
        let id = try #require(held["decision_id"] as? String)
        #expect(held["state"] as? String == "held")
        #expect(held.keys.contains("queue_id") && held.keys.contains("message_id"))

        let outputs: [[String]] = [
            ["scan", "--json", "--config", "samples/chaperone.yaml", Self.quarantined, Self.accepted],
            ["inspect", "--json", "--text", Self.quarantined],
            ["roster", "check", "--json", "samples/roster/pupils.csv", "--staff", "samples/roster/staff.csv"],
            ["log", "--json"] + store,
            ["quarantine", "list", "--json"] + store,
            ["quarantine", "show", id, "--json"] + store,
            ["report", "--json"] + store,
            ["purge", "--dry-run", "--json"] + store,
            ["quarantine", "delete", id, "--reason", "sent in error", "--json"] + store,
            ["config", "show", "--json", "--config", "samples/chaperone.yaml"],
        ]
        for arguments in outputs {
            let run = try CLIRun.run(arguments)
            #expect(run.status == 0 || (arguments[0] == "scan" && run.status == 1), "\(arguments): \(run.errors)")
            let lines = try CLIRun.jsonLines(run.output)
            #expect(!lines.isEmpty, "\(arguments) printed nothing")
            for line in lines {
                #expect(CLIRun.keysNotSnakeCase(line).isEmpty, "\(arguments): \(CLIRun.keysNotSnakeCase(line))")
            }
        }
        let log = try CLIRun.jsonLines(try CLIRun.run(["log", "--json"] + store).output)
        #expect(log.count == 2)
        #expect(Set(log.compactMap { $0["action"] as? String }) == ["quarantine", "accept"])
        let deleted = try CLIRun.jsonLines(try CLIRun.run(["quarantine", "list", "--json", "--state", "deleted"] + store).output)
        #expect(deleted.first?["decision_id"] as? String == id)
    }

    @Test func withJSONErrorsAreJSONOnStandardError() throws {
        let missing = try CLIRun.run(["log", "--json", "--database", "/nonexistent/chaperone.sqlite"])
        #expect(missing.status == 2)
        #expect(missing.output.isEmpty)
        let error = try #require(try CLIRun.jsonLines(missing.errors).first)
        #expect(error["command"] as? String == "chaperone log")
        #expect(error["status"] as? Int == 2)
        #expect((error["error"] as? String)?.contains("--create") == true, "\(error)")

        let usage = try CLIRun.run(["quarantine", "list", "--json", "--no-such-flag"])
        #expect(usage.status == 2)
        #expect(try CLIRun.jsonLines(usage.errors).first?["error"] as? String == "Unknown option '--no-such-flag'")

        let scan = try CLIRun.run(["scan", "--json", "--config", "samples/chaperone.yaml", "no-such-file.eml", Self.accepted])
        #expect(scan.status == 2)
        let fileError = try #require(try CLIRun.jsonLines(scan.errors).first)
        #expect(fileError["file"] as? String == "no-such-file.eml")
        #expect(try CLIRun.jsonLines(scan.output).count == 1)
    }

    @Test(arguments: [
        ["scan", "--config", "samples/chaperone.yaml", "no-such-file.eml"],
        ["scan", "--config", "no-such.yaml", "samples/messages/01-internal-staff-note.eml"],
        ["check-config", "no-such.yaml"],
        ["serve", "--config", "no-such.yaml"],
        ["roster", "check", "no-such.csv"],
        ["inspect", "no-such.eml"],
        ["log", "--database", "/nonexistent/c.sqlite"],
        ["quarantine", "list", "--config", "no-such.yaml"],
        ["quarantine", "release", "CH-X", "--reason", "r", "--database", "/nonexistent/c.sqlite"],
        ["report", "--since", "yesterday-ish"],
        ["purge", "--no-such-flag"],
        ["quarantine", "delete", "CH-X"],
    ])
    func aMissingFileOrABadArgumentExitsTwoWithOnePrefix(arguments: [String]) throws {
        let run = try CLIRun.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.errors)")
        let words = arguments.prefix { !$0.hasPrefix("-") && !$0.contains(".") && !$0.hasPrefix("CH-") }
        #expect(run.errors.hasPrefix("chaperone \(words.joined(separator: " ")): "), "\(arguments): \(run.errors)")
        #expect(!run.errors.hasPrefix("Error:"))
    }

    @Test func aMissingDatabaseIsCreatedOnlyWithCreate() throws {
        let directory = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("typo.sqlite").path
        let refused = try CLIRun.run(["log", "--database", path])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("no database at \(path) (from --database)"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: path))
        let created = try CLIRun.run(["log", "--database", path, "--create"])
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output == "No decisions match.\n")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aRefusedReviewExitsOneAndTheOtherIdsAreStillDone() throws {
        let (directory, database) = try Self.recordedStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = try CLIRun.jsonLines(try CLIRun.run(["quarantine", "list", "--json", "--database", database]).output)
        let id = try #require(list.first?["decision_id"] as? String)
        let accepted = try #require(try CLIRun.jsonLines(try CLIRun.run(["log", "--json", "--action", "accept", "--database", database]).output).first?["decision_id"] as? String)
        // From standard input, as `postsuper -d -` takes them: the accepted one is refused, the held one deleted.
        let run = try CLIRun.run(["quarantine", "delete", "-", "--reason", "sent in error", "--database", database], input: "\(accepted)\n# a comment\n\n\(id)\n")
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.errors.contains("chaperone quarantine delete: \(accepted): decision \(accepted) was not quarantined"), "\(run.errors)")
        #expect(run.output == "Deleted \(id).\n")
        let again = try CLIRun.run(["quarantine", "delete", id, "--reason", "again", "--database", database])
        #expect(again.status == 1)
        #expect(again.errors.contains("is deleted, not held"), "\(again.errors)")
    }

    @Test func allNeedsYesWithoutATerminalAndThenActsOnEveryMatch() throws {
        let (directory, database) = try Self.recordedStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let refused = try CLIRun.run(["quarantine", "delete", "--all", "--reason", "clean-up", "--database", database])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("add --yes"), "\(refused.errors)")
        let none = try CLIRun.run(["quarantine", "delete", "--all", "--section", "8", "--yes", "--reason", "clean-up", "--database", database])
        #expect(none.status == 0, "\(none.errors)")
        #expect(none.output == "No held messages match.\n")
        let all = try CLIRun.run(["quarantine", "delete", "--all", "--yes", "--reason", "clean-up", "--json", "--database", database])
        #expect(all.status == 0, "\(all.errors)")
        let results = try CLIRun.jsonLines(all.output)
        #expect(results.count == 1)
        #expect(results.first?["result"] as? String == "deleted")
        let mixed = try CLIRun.run(["quarantine", "delete", "CH-1", "--all", "--reason", "r", "--database", database])
        #expect(mixed.status == 2)
    }

    @Test func scanReadsAFromLineWithoutADateAsOneMessageAndReportsAFileWithNone() throws {
        let directory = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("saved.eml")
        let sample = try String(contentsOf: ProductionPath.repository.appendingPathComponent(Self.quarantined), encoding: .utf8)
        try ("From teacher@ralphthoresby.example\n" + sample).write(to: saved, atomically: true, encoding: .utf8)
        let empty = directory.appendingPathComponent("empty.eml")
        try "\n\n".write(to: empty, atomically: true, encoding: .utf8)
        let run = try CLIRun.run(["scan", "--config", "samples/chaperone.yaml", saved.path, empty.path])
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.output.hasPrefix("QUARANTINE §3  \(saved.path)  →"), "\(run.output)")
        #expect(run.errors.contains("chaperone scan: \(empty.path): no message in this file"), "\(run.errors)")
        #expect(run.output.contains("1 messages: "))
    }

    @Test func configShowPrintsEveryEffectiveSettingAndChangedOnlyTheFilesOwn() throws {
        let all = try CLIRun.run(["config", "show", "--config", "samples/chaperone.yaml"])
        #expect(all.status == 0, "\(all.errors)")
        let lines = all.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("store.database = /tmp/chaperone-sample.sqlite"))
        #expect(lines.contains("milter.fail_action = tempfail"))
        #expect(lines.contains("metrics.listen = null"))
        #expect(lines == lines.sorted())
        let changed = try CLIRun.run(["config", "show", "--changed", "--config", "samples/chaperone.yaml"])
        #expect(changed.output.contains("store.database = /tmp/chaperone-sample.sqlite\n"))
        #expect(!changed.output.contains("milter.fail_action = "), "the sample keeps the default")
        let defaults = try CLIRun.run(["config", "show"])
        #expect(defaults.output.contains("store.database = /var/lib/chaperone/chaperone.sqlite\n"))
    }

    @Test func aMisspeltUPNHeadingFailsRosterCheckAndCheckConfig() throws {
        let directory = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let roster = directory.appendingPathComponent("pupils.csv")
        try "UPM,Legal Surname,Legal Forename,DOB\nA123456789012,Hill,Rose,2012-03-04\n".write(to: roster, atomically: true, encoding: .utf8)
        let check = try CLIRun.run(["roster", "check", roster.path])
        #expect(check.status == 2)
        #expect(check.output.contains("ignored columns in pupils.csv: UPM — did you mean UPN?"), "\(check.output)")
        #expect(check.output.contains("result: FAILED"))
        let json = try #require(try CLIRun.jsonLines(try CLIRun.run(["roster", "check", "--json", roster.path]).output).first)
        #expect(json["ok"] as? Bool == false)
        let config = directory.appendingPathComponent("c.yaml")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("spool"), withIntermediateDirectories: true)
        try """
            school:
              domains: [a.example]
            roster:
              files: [\(roster.path)]
            milter:
              spool_directory: \(directory.path)/spool
            store:
              database: \(directory.path)/c.sqlite
            """.write(to: config, atomically: true, encoding: .utf8)
        let checkConfig = try CLIRun.run(["check-config", config.path])
        #expect(checkConfig.status == 2)
        #expect(checkConfig.errors.contains("no pupil identifier column (UPN or ULN)"), "\(checkConfig.errors)")
        #expect(checkConfig.errors.contains("\"UPM\" (did you mean UPN?)"))
    }
}
