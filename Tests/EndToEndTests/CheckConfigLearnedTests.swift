import Foundation
import Testing

/// `check-config` validates the learned include file as it validates the main file: a
/// broken entry is reported with the learned file's name and line, and one that would
/// relax a §3 rule is refused.
@Suite struct CheckConfigLearnedTests {
    static func check(learned: String) throws -> CLIRun {
        let work = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let config = work.appendingPathComponent("chaperone.yaml")
        let roster = ProductionPath.repository.appendingPathComponent("samples/roster/pupils.csv").path
        try "school:\n  domains: [ralphthoresby.example]\nroster:\n  files: [\(roster)]\n".write(to: config, atomically: true, encoding: .utf8)
        try learned.write(to: work.appendingPathComponent("learned.yaml"), atomically: true, encoding: .utf8)
        return try CLIRun.run(["check-config", config.path])
    }

    @Test func aBrokenLearnedEntryIsReportedWithItsFileAndLine() throws {
        let run = try Self.check(learned: "accepted:\n  - suggestion: partner:a.example\n    partner_domain: someone@a.example\n")
        #expect(run.status == 2)
        #expect(run.errors.contains("learned.yaml:3:"), "\(run.errors)")
        #expect(run.errors.contains("not a domain name"))
    }

    @Test func aLearnedEntryRelaxingSocialContactIsRefused() throws {
        let run = try Self.check(learned: "accepted:\n  - suggestion: tag:3.staff-contact-details\n    rule: 3.staff-contact-details\n    action: tag\n")
        #expect(run.status == 2 && run.errors.contains("cannot be relaxed by a learned change"), "\(run.errors)")
    }

    @Test func aValidLearnedFileIsListed() throws {
        let run = try Self.check(learned: "accepted:\n  - suggestion: partner:carers.example\n    partner_domain: carers.example\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("partners: carers.example"))
        #expect(run.output.contains("learned.yaml, 1 accepted suggestion"))
    }
}
