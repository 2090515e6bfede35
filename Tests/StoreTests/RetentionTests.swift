import ChaperoneModel
import Foundation
import Testing

@testable import Store

@Suite struct RetentionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test func purgeRemovesExactlyWhatRetentionSays() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        // Each held message different: the same message held again would be a duplicate.
        let raw = { (id: String) in DecisionFixtures.rawMessage + Array(id.utf8) }
        // Copies: 29 days old stays; 31 days old goes (held → expired, released stays released).
        try await database.insertQuarantine(DecisionFixtures.record(id: "young", action: .quarantine, decidedAt: Self.daysAgo(29)), rawMessage: raw("young"))
        try await database.insertQuarantine(DecisionFixtures.record(id: "old-held", action: .quarantine, decidedAt: Self.daysAgo(31)), rawMessage: raw("old-held"))
        try await database.insertQuarantine(DecisionFixtures.record(id: "old-released", action: .quarantine, decidedAt: Self.daysAgo(31)), rawMessage: raw("old-released"))
        let claim = try await database.claim(decisionID: "old-released", for: .release)
        try await database.finish(claim, outcome: .releasedFromHold, actor: "a", reason: "fine", detail: nil, at: Self.daysAgo(30.5))
        // Decisions: 729 days stays; 731 days goes, with its quarantine row.
        try await database.insertDecisions([
            DecisionFixtures.record(id: "row-729", decidedAt: Self.daysAgo(729)),
            DecisionFixtures.record(id: "row-731", decidedAt: Self.daysAgo(731)),
        ])
        try await database.insertQuarantine(DecisionFixtures.record(id: "q-731", action: .quarantine, decidedAt: Self.daysAgo(731)), rawMessage: raw("q-731"))

        let policy = RetentionPolicy(quarantineContentDays: 30, decisionDays: 730)
        let dryRun = try await database.purge(policy: policy, now: Self.now, actor: "cron", dryRun: true)
        #expect(dryRun == PurgeResult(contentsRemoved: 3, heldExpired: 2, decisionsDeleted: 2, dryRun: true))
        #expect(try await database.decision(id: "row-731") != nil)

        let result = try await database.purge(policy: policy, now: Self.now, actor: "cron", dryRun: false)
        #expect(result == PurgeResult(contentsRemoved: 3, heldExpired: 2, decisionsDeleted: 2, dryRun: false))

        let young = try await database.decision(id: "young")?.quarantine
        #expect(young?.state == .held)
        #expect(young?.hasStoredCopy == true)
        let oldHeld = try await database.decision(id: "old-held")?.quarantine
        #expect(oldHeld?.state == .expired)
        #expect(oldHeld?.hasStoredCopy == false)
        let oldReleased = try await database.decision(id: "old-released")?.quarantine
        #expect(oldReleased?.state == .released)
        #expect(oldReleased?.hasStoredCopy == false)
        #expect(try await database.decision(id: "row-729") != nil)
        #expect(try await database.decision(id: "row-731") == nil)
        #expect(try await database.decision(id: "q-731") == nil)
        await #expect(throws: StoreError.contentExpired("old-held")) {
            try await database.rawMessageForViewing(decisionID: "old-held", viewer: "a", reason: nil)
        }
        let again = try await database.purge(policy: policy, now: Self.now, actor: "cron", dryRun: false)
        #expect(again == PurgeResult(contentsRemoved: 0, heldExpired: 0, decisionsDeleted: 0, dryRun: false))
        #expect(try await database.reviewEvents(since: Self.daysAgo(1)).filter { $0.kind == .purged }.count == 2)
    }
}
