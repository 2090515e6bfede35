import ChaperoneModel
import Review
import Store
import Testing

/// A review that stopped half way (the CLI killed between claim and outcome) can be
/// recovered only when Postfix still holds the message, so nothing goes out twice.
@Suite struct ClaimRecoveryTests {
    @Test func stuckReleaseIsPutBackWhenPostfixStillHoldsItAndCanThenBeReleasedOnce() async throws {
        let fixture = try await ReviewFixture(heldByPostfix: true)
        defer { fixture.remove() }
        _ = try await fixture.database.claim(decisionID: "CH-REVIEW-1", for: .release)  // the crash: claimed, never finished
        await #expect(throws: StoreError.self) {
            try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "retry")
        }
        try await fixture.workflow.recover(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "CLI was killed")
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .held)
        let events = try await fixture.database.reviewEvents(decisionID: "CH-REVIEW-1")
        #expect(events.contains { $0.kind == .claimRecovered && $0.reason == "CLI was killed" })
        #expect(try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "retry") == .postfixHoldQueue)
        #expect(await fixture.postfix.calls == ["release 4HELD1"])
    }

    @Test func stuckReleaseThatPostfixNoLongerHoldsIsLeftAlone() async throws {
        let fixture = try await ReviewFixture(heldByPostfix: false)
        defer { fixture.remove() }
        _ = try await fixture.database.claim(decisionID: "CH-REVIEW-1", for: .release)
        await #expect(throws: ReviewError.cannotRecover(decisionID: "CH-REVIEW-1", queueID: "4HELD1")) {
            try await fixture.workflow.recover(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "try")
        }
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .releasing)
        #expect(await fixture.submitter.messages.isEmpty)
    }

    @Test func aHeldMessageNeedsNoRecovery() async throws {
        let fixture = try await ReviewFixture(heldByPostfix: true)
        defer { fixture.remove() }
        await #expect(throws: StoreError.self) {
            try await fixture.workflow.recover(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "try")
        }
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .held)
    }
}
