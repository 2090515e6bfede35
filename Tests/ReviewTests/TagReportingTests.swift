import ChaperoneModel
import Foundation
import Review
import Store
import Testing

/// `chaperone report` and `chaperone log` print tags apart from breaches: a tag
/// (delivered, marked) breaches no section; the rule that tagged it is named instead.
@Suite struct TagReportingTests {
    @Test func theReportCountsTagsApartFromBreachesAndTheLogNamesTheRules() async throws {
        let directory = NSTemporaryDirectory() + "chaperone-tags-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try AppDatabase(path: directory + "/chaperone.sqlite")
        let decidedAt = Date(timeIntervalSince1970: 1_795_000_000)
        let envelope = Envelope(sender: "teacher@hollowbrook.example", recipients: ["sw@leeds.gov.uk"])
        let tag = ScanReport(
            decisionID: "CH-TAG-1", action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality])
        let held = ScanReport(
            decisionID: "CH-HELD-1", action: .quarantine, sections: [.internetUse],
            rules: ["7.credentials-outside", "8.sensitive-to-partner"], governingSections: [.internetUse, .confidentiality])
        try await database.insertDecisions([DecisionRecord(report: tag, envelope: envelope, decidedAt: decidedAt, configVersion: "c")])
        try await database.insertQuarantine(
            DecisionRecord(report: held, envelope: envelope, decidedAt: decidedAt, configVersion: "c"),
            rawMessage: Array("From: a@b\r\n\r\nx\r\n".utf8))

        let text = SummaryText.render(try await database.summary(since: decidedAt.addingTimeInterval(-60)))
        #expect(text.contains("Breaches by section (held or refused): 1 decisions\n  §7           1\n"))
        #expect(text.contains("  §7           1\n\nTagged"))
        #expect(text.contains("Tagged (delivered and marked, no breach): 1 decisions\n  by rule\n    8.sensitive-to-partner"))
        #expect(text.contains("  by governing section\n    §8           1\n"))

        let table = DecisionTable.render(try await database.decisions(matching: DecisionFilter()))
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // DECISION, DECIDED (date, time), ACTION, STATE, SECTIONS, RULES, ...
        let tagCells = try #require(lines.first { $0.first == "CH-TAG-1" })
        #expect(Array(tagCells[3...6]) == ["tag", "-", "-", "8.sensitive-to-partner"])
        let heldCells = try #require(lines.first { $0.first == "CH-HELD-1" })
        #expect(Array(heldCells[3...6]) == ["quarantine", "held", "§7", "7.credentials-outside,8.sensitive-to-partner"])
    }
}
