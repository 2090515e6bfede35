import Foundation
import Testing

/// `chaperone simulate` and shadow mode as a technician runs them: the samples recorded
/// with `scan --record`, then the proposed configuration (names alone to outside
/// organisations held) simulated over that store, in text and JSON; and `scan` printing
/// what a shadow rule would do.
@Suite struct SimulateCommandTests {
    /// The sample configuration with its relative paths made absolute (it is written
    /// elsewhere) and `edit` applied.
    static func proposed(in directory: URL, _ edit: (String) -> String) throws -> String {
        let samples = ProductionPath.repository.appendingPathComponent("samples").path
        let text = try String(contentsOfFile: samples + "/chaperone.yaml", encoding: .utf8)
            .replacingOccurrences(of: "roster/", with: samples + "/roster/")
            .replacingOccurrences(of: "list_file: lists.txt", with: "list_file: \(samples)/lists.txt")
        let path = directory.appendingPathComponent("proposed.yaml").path
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func simulateReportsTheSamplesANewRuleWouldHoldByRuleAndSection() throws {
        let work = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent("chaperone.sqlite").path
        let scan = try CLIRun.run(["scan", "--config", "samples/chaperone.yaml", "--record", "--database", database, "samples/messages"])
        #expect(scan.status == 1, "breaches found: \(scan.errors)")
        let proposed = try Self.proposed(in: work) {
            $0.replacingOccurrences(of: "pupil_name_outside: accept", with: "pupil_name_outside: quarantine")
        }

        let json = try CLIRun.run(["simulate", "--config", proposed, "--database", database, "--since", "1d", "--json"])
        #expect(json.status == 0, "\(json.errors)")
        let line = try #require(try CLIRun.jsonLines(json.output).first)
        #expect((line["replayed_copies"] as? Int ?? 0) > 0 && (line["redecided_from_findings"] as? Int ?? 0) > 0)
        let rules = try #require(line["rules"] as? [[String: Any]])
        let names = try #require(rules.first { $0["rule"] as? String == "8.pupil-name-outside" })
        let held = try #require(names["newly_held"] as? [String])
        #expect(!held.isEmpty && names["section"] as? String == "8")
        let changes = try #require(line["changes"] as? [[String: Any]])
        #expect(changes.allSatisfy { $0["before"] as? String != "quarantine" }, "the edit only holds more")
        #expect(Set(changes.compactMap { $0["decision_id"] as? String }).isSuperset(of: held))

        let text = try CLIRun.run(["simulate", "--config", proposed, "--database", database, "--since", "1d"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("Newly held: \(held.count); newly released: 0."), "\(text.output)")
        #expect(text.output.contains("§8\n  8.pupil-name-outside: newly held \(held.count) ("))
        #expect(text.output.contains(held[0]))
    }

    @Test func scanPrintsWhatAShadowRuleWouldDo() throws {
        let work = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let proposed = try Self.proposed(in: work) {
            $0.replacingOccurrences(of: "shadow: {}", with: "shadow: {8.pupil-name-outside: quarantine}")
        }
        let run = try CLIRun.run(["scan", "--config", proposed, "samples/messages/04-name-alone-to-club.eml"])
        #expect(run.status == 0, "delivered live: \(run.output)\(run.errors)")
        #expect(run.output.hasPrefix("ACCEPT"))
        #expect(run.output.contains("    shadow: would QUARANTINE (8.pupil-name-outside: quarantine, live accept)"))
    }

    @Test func simulateNeedsTheProposedConfiguration() throws {
        let run = try CLIRun.run(["simulate", "--since", "30d"])
        #expect(run.status == 2 && run.errors.contains("--config NEW.yaml is required"), "\(run.errors)")
    }
}
