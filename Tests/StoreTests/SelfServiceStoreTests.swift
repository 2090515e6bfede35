import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// Sender self-service in both stores: one key for every opening (made on first use),
/// one action per decision whoever tries (the links are then spent), the request in the
/// audit trail and the reviewers' filter, refusals audited, and retention removing a
/// decision's action with it.
@Suite struct SelfServiceStoreTests {
    @Test(arguments: StoreBackend.allCases)
    func theKeyIsMadeOnceAndSharedByEveryOpening(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            async let first = store.review.selfServiceKey()
            async let second = store.other.selfServiceKey()
            let (a, b) = try await (first, second)
            #expect(a.count == SelfServiceSigner.keyBytes)
            #expect(a == b)
            #expect(Set(a).count > 8, "the key is random bytes")
            #expect(try await store.review.selfServiceKey() == a)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aDecisionTakesOneSelfServiceActionAndARequestIsAuditedAndListed(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            for id in ["CH-ASKED", "CH-QUIET"] {
                try await store.decisions.recordQuarantine(
                    DecisionFixtures.record(id: id, action: .quarantine, sections: [.confidentiality]),
                    rawMessage: DecisionFixtures.rawMessage + Array(id.utf8))
            }
            let at = DecisionFixtures.baseDate.addingTimeInterval(60)
            let request = SelfServiceAction(
                decisionID: "CH-ASKED", kind: .request, sender: "teacher@school.example", justification: "The trip form for the coach firm", occurredAt: at)
            #expect(try await store.review.selfServiceAction(decisionID: "CH-ASKED") == nil)
            try await store.review.spendSelfService(request)
            #expect(try await store.other.selfServiceAction(decisionID: "CH-ASKED") == request)
            for kind in SelfServiceAction.Kind.allCases {
                var again = request
                again.kind = kind
                await #expect(throws: StoreError.selfServiceSpent("CH-ASKED")) { try await store.other.spendSelfService(again) }
            }
            let events = try await store.other.reviewEvents(decisionID: "CH-ASKED")
            #expect(events.map(\.kind) == [.releaseRequested])
            #expect(events.first?.actor == "teacher@school.example (sender, self-service)")
            #expect(events.first?.reason == "The trip form for the coach firm")

            let requests = try await store.other.releaseRequests(among: ["CH-ASKED", "CH-QUIET", "CH-NONE"])
            #expect(Array(requests.keys) == ["CH-ASKED"])
            var filter = DecisionFilter(state: .held)
            filter.releaseRequestedOnly = true
            #expect(try await store.other.decisions(matching: filter).map(\.decisionID) == ["CH-ASKED"])
            #expect(try await store.other.decisions(matching: DecisionFilter(state: .held)).count == 2)

            // A withdrawal spends the link without a request.
            try await store.review.spendSelfService(
                SelfServiceAction(decisionID: "CH-QUIET", kind: .withdraw, sender: "teacher@school.example", justification: nil, occurredAt: at))
            #expect(try await store.other.releaseRequests(among: ["CH-QUIET"]).isEmpty)
            #expect(try await store.other.reviewEvents(decisionID: "CH-QUIET").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func twoHostsSpendingOneLinkAtOnceGiveOneWinner(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-RACE", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
            let action = SelfServiceAction(
                decisionID: "CH-RACE", kind: .release, sender: "teacher@school.example", justification: "needed", occurredAt: Date())
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for side in [store.review, store.other, store.review, store.other] {
                    group.addTask { (try? await side.spendSelfService(action)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func refusedLinksAreAuditedAndRetentionTakesTheActionWithItsDecision(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            let old = Date().addingTimeInterval(-800 * 86_400)
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-OLD", action: .quarantine, decidedAt: old), rawMessage: DecisionFixtures.rawMessage)
            try await store.review.recordSelfServiceRefusal(decisionID: "CH-OLD", actor: "self-service link (from 192.0.2.7)", detail: "link refused: expired", at: old)
            try await store.review.recordSelfServiceRefusal(decisionID: nil, actor: "self-service link (from 192.0.2.7)", detail: "link refused: malformed", at: old)
            let onDecision = try await store.other.reviewEvents(decisionID: "CH-OLD")
            #expect(onDecision.map(\.kind) == [.selfServiceRefused])
            #expect(onDecision.first?.detail == "link refused: expired")
            #expect(try await store.other.storeWideEvents(limit: 10).contains { $0.kind == .selfServiceRefused && $0.detail == "link refused: malformed" })

            try await store.review.spendSelfService(
                SelfServiceAction(decisionID: "CH-OLD", kind: .request, sender: "teacher@school.example", justification: "please", occurredAt: old))
            let result = try await store.other.purge(
                policy: RetentionPolicy(quarantineContentDays: 30, decisionDays: 730), now: Date(), actor: "cron", dryRun: false)
            #expect(result.decisionsDeleted == 1)
            #expect(try await store.review.decision(id: "CH-OLD") == nil)
            #expect(try await store.review.selfServiceAction(decisionID: "CH-OLD") == nil)
        }
    }
}
