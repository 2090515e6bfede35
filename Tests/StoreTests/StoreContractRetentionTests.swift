import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// Retention, purge and duplicate holds, the same on SQLite and PostgreSQL.
@Suite struct StoreContractRetentionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test(arguments: StoreBackend.allCases)
    func purgeRemovesExactlyWhatRetentionSays(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            let raw = { (id: String) in DecisionFixtures.rawMessage + Array(id.utf8) }
            for (id, days) in [("young", 29.0), ("old-held", 31), ("old-released", 31), ("q-731", 731)] {
                try await store.decisions.recordQuarantine(
                    DecisionFixtures.record(id: id, action: .quarantine, decidedAt: Self.daysAgo(days)), rawMessage: raw(id))
            }
            let claim = try await store.review.claim(decisionID: "old-released", for: .release)
            try await store.review.finish(claim, outcome: .releasedFromHold, actor: "a", reason: "fine", detail: nil, at: Self.daysAgo(30.5))
            try await store.decisions.record(DecisionFixtures.record(id: "row-729", decidedAt: Self.daysAgo(729)))
            try await store.decisions.record(DecisionFixtures.record(id: "row-731", decidedAt: Self.daysAgo(731)))

            let policy = RetentionPolicy(quarantineContentDays: 30, decisionDays: 730)
            let dryRun = try await store.other.purge(policy: policy, now: Self.now, actor: "cron", dryRun: true)
            #expect(dryRun == PurgeResult(contentsRemoved: 3, heldExpired: 2, decisionsDeleted: 2, dryRun: true))
            #expect(try await store.review.decision(id: "row-731") != nil)

            let result = try await store.other.purge(policy: policy, now: Self.now, actor: "cron", dryRun: false)
            #expect(result == PurgeResult(contentsRemoved: 3, heldExpired: 2, decisionsDeleted: 2, dryRun: false))
            let young = try await store.review.decision(id: "young")?.quarantine
            #expect(young?.state == .held && young?.hasStoredCopy == true)
            let oldHeld = try await store.review.decision(id: "old-held")?.quarantine
            #expect(oldHeld?.state == .expired && oldHeld?.hasStoredCopy == false)
            let oldReleased = try await store.review.decision(id: "old-released")?.quarantine
            #expect(oldReleased?.state == .released && oldReleased?.hasStoredCopy == false)
            #expect(try await store.review.decision(id: "row-729") != nil)
            #expect(try await store.review.decision(id: "row-731") == nil)
            #expect(try await store.review.decision(id: "q-731") == nil)
            await #expect(throws: StoreError.contentExpired("old-held")) {
                try await store.review.rawMessageForViewing(decisionID: "old-held", viewer: "a", reason: nil, at: Date())
            }
            let again = try await store.other.purge(policy: policy, now: Self.now, actor: "cron", dryRun: false)
            #expect(again == PurgeResult(contentsRemoved: 0, heldExpired: 0, decisionsDeleted: 0, dryRun: false))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aRetriedHoldFromAnotherSideKeepsOneCopyReleasedOnce(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-FIRST", action: .quarantine, queueID: "4ABC1"),
                rawMessage: DuplicateHoldTests.attempt("4ABC1"))
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(
                    id: "CH-RETRY", action: .quarantine, decidedAt: DecisionFixtures.baseDate.addingTimeInterval(300), queueID: "4DEF2"),
                rawMessage: DuplicateHoldTests.attempt("4DEF2"))

            let retry = try #require(try await store.other.decision(id: "CH-RETRY"))
            #expect(retry.duplicateOf == "CH-FIRST")
            #expect(retry.quarantine?.state == .held, "a duplicate shows the state of the copy it shares")
            #expect(try await store.other.decisions(matching: DecisionFilter(quarantinedOnly: true)).map(\.decisionID) == ["CH-FIRST"])
            #expect(try await store.other.rawMessageForViewing(decisionID: "CH-RETRY", viewer: "it", reason: nil, at: Date())
                == DuplicateHoldTests.attempt("4ABC1"))

            let claim = try await store.other.claim(decisionID: "CH-RETRY", for: .release)
            #expect(claim.decisionID == "CH-FIRST", "the claim is on the decision that keeps the copy")
            await #expect(throws: StoreError.self) { try await store.review.claim(decisionID: "CH-FIRST", for: .release) }
            try await store.other.finish(claim, outcome: .releasedByReinjection, actor: "it", reason: "ok", detail: nil, at: Date())
            #expect(try await store.review.decision(id: "CH-RETRY")?.quarantine?.state == .released)
            await #expect(throws: StoreError.self) {
                try await store.review.deleteHeld(decisionID: "CH-RETRY", actor: "it", reason: "r", at: Date())
            }

            // A different message gets its own copy; outside the window, so does the same one.
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-OTHER", action: .quarantine, decidedAt: DecisionFixtures.baseDate.addingTimeInterval(400)),
                rawMessage: DuplicateHoldTests.attempt("4XYZ3", message: DecisionFixtures.rawMessage + [0x41]))
            #expect(try await store.review.decision(id: "CH-OTHER")?.duplicateOf == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func twoHoldsOfTheSameRetryAtOnceKeepOneCopy(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            // Both sides write at the same moment (for PostgreSQL: two hosts each took one
            // attempt of the same message), so each is within the other's window.
            let writers = [store.decisions, store.otherDecisions]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, writer) in writers.enumerated() {
                    group.addTask {
                        try await writer.recordQuarantine(
                            DecisionFixtures.record(id: "CH-AT\(index)", action: .quarantine, decidedAt: DecisionFixtures.baseDate),
                            rawMessage: DuplicateHoldTests.attempt("4Q\(index)"))
                    }
                }
                try await group.waitForAll()
            }
            let held = try await store.review.decisions(matching: DecisionFilter(quarantinedOnly: true))
            #expect(held.count == 1, "one copy, whichever host committed first")
            let all = try await store.review.decisions(matching: DecisionFilter())
            #expect(all.count == 2)
            #expect(all.filter { $0.duplicateOf != nil }.count == 1)
        }
    }
}
