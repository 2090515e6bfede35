import ChaperoneModel
import Foundation
import Review
import Store
import Testing

/// A release that stopped half way (the reviewer's process killed between claim and
/// outcome) is settled from the mail log: the release header there means Postfix took
/// the copy, so it is recorded released and never sent again; no sign of it puts it
/// back to held.
@Suite struct ClaimRecoveryTests {
    static let loggedRelease = Data("""
        Dec  1 10:00:01 mail postfix/cleanup[811]: 5C2A11: info: header X-Chaperone-Release: CH-REVIEW-1 from localhost[127.0.0.1]; from=<teacher@hollowbrook.example> to=<friend@gmail.example> proto=ESMTP helo=<localhost>

        """.utf8)

    @Test func releaseInterruptedAfterTheSMTP250IsRecognisedAndNotSentAgain() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        _ = try await fixture.database.claim(decisionID: "CH-REVIEW-1", for: .release)  // the crash: claimed, sent, never finished
        await #expect(throws: StoreError.self) {
            try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "retry")
        }
        let outcome = try await fixture.workflow.recover(
            decisionID: "CH-REVIEW-1", mailLogs: [("/var/log/mail.log", Self.loggedRelease)], reviewer: "it", reason: "CLI was killed")
        #expect(outcome == .recordedReleased(logFile: "/var/log/mail.log"))
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .released)
        let events = try await fixture.database.reviewEvents(decisionID: "CH-REVIEW-1")
        #expect(events.contains { $0.kind == .releasedByReinjection && $0.reason == "CLI was killed" })
        #expect(await fixture.submitter.messages.isEmpty)
    }

    @Test func releaseInterruptedBeforeItWentOutIsHeldAgainAndThenReleasedOnce() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        _ = try await fixture.database.claim(decisionID: "CH-REVIEW-1", for: .release)
        // Another decision's release header, and one whose id merely starts the same way.
        let log = Data("info: header X-Chaperone-Release: CH-REVIEW-10 from localhost\ninfo: header X-Chaperone-Release: CH-OTHER\n".utf8)
        let outcome = try await fixture.workflow.recover(
            decisionID: "CH-REVIEW-1", mailLogs: [("mail.log", log)], reviewer: "it", reason: "CLI was killed")
        #expect(outcome == .heldAgain)
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .held)
        try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "it", reason: "retry")
        #expect(await fixture.submitter.messages.count == 1)
    }

    @Test func aHeldMessageNeedsNoRecovery() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        await #expect(throws: StoreError.self) {
            _ = try await fixture.workflow.recover(decisionID: "CH-REVIEW-1", mailLogs: [], reviewer: "it", reason: "try")
        }
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .held)
    }
}
