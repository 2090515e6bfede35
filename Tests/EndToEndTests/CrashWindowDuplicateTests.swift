import ChaperoneModel
import Foundation
import Review
import Store
import Synchronization
import Testing

/// The crash window of a hold: the copy is committed, but the milter stops before its
/// DISCARD reaches Postfix. Postfix then tempfails the client (`milter_default_action`)
/// and the sending server sends the same message again, which is held again. Through a
/// real Postfix: the second hold is recorded as a duplicate of the first (one copy),
/// and releasing either delivers the message once.
///
/// The fault is injected between the store and the milter (`CommitThenFailStore`): the
/// first hold is committed, then the milter is told the write failed, so it answers
/// TEMPFAIL instead of DISCARD — to Postfix and the client exactly what a milter killed
/// at that point gives (a 4xx, the message still the client's), without racing a
/// SIGKILL against a reply microseconds after the commit.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct CrashWindowDuplicateTests {
    /// Commits the first hold it is given, then fails as if the process had died before
    /// replying; every later call goes straight through.
    final class CommitThenFailStore: DecisionStore {
        let inner: any DecisionStore
        let failedOnce = Mutex(false)

        init(_ inner: any DecisionStore) { self.inner = inner }

        func record(_ decision: DecisionRecord) async throws { try await inner.record(decision) }

        func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
            try await inner.recordQuarantine(decision, rawMessage: rawMessage)
            let first = failedOnce.withLock { failed in defer { failed = true }; return !failed }
            if first { throw CrashedAfterCommit() }
        }
    }

    struct CrashedAfterCommit: Error {}

    @Test func aHoldRetriedAfterTheCrashWindowIsStoredOnceAndReleasedOnce() async throws {
        try await ProductionPath.with(wrapStore: { CommitThenFailStore($0) }) { path in
            var message = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
            message += Array("\r\nCRASH-WINDOW-1\r\n".utf8)
            let sender = "c.bennett@ralphthoresby.example"
            let first = try await path.submit(message, from: sender, to: ["claire.bennett77@gmail.com"])
            #expect((400..<500).contains(first.code), "the crashed attempt should be tempfailed: \(first.text)")
            // The sending server retries the same message.
            let retry = try await path.submit(message, from: sender, to: ["claire.bennett77@gmail.com"])
            #expect(retry.code == 250, "\(retry.text)")

            let decisions = try await path.database.decisions(matching: DecisionFilter())
            #expect(decisions.count == 2, "\(decisions.map(\.decisionID))")
            let original = try #require(decisions.first { $0.duplicateOf == nil })
            let duplicate = try #require(decisions.first { $0.duplicateOf != nil })
            #expect(duplicate.duplicateOf == original.decisionID)
            #expect(original.record.envelope.queueID != duplicate.record.envelope.queueID, "Postfix saw two attempts")
            #expect(try await path.database.decisions(matching: DecisionFilter(quarantinedOnly: true)).map(\.decisionID)
                    == [original.decisionID], "one copy, one item to review")
            #expect(try path.heldQueueIDs().isEmpty)

            // Released through the duplicate's id: the one copy goes, once, under the original's id.
            try await path.review.release(decisionID: duplicate.decisionID, reviewer: "it-tech", reason: "checked")
            let released = try #require(try await path.poll { path.delivered(containing: "CRASH-WINDOW-1").first })
            #expect(released.contains("X-Chaperone-Release: \(original.decisionID)"))
            #expect(!released.contains("X-Chaperone: quarantine"))
            await #expect(throws: StoreError.self) {
                try await path.review.release(decisionID: original.decisionID, reviewer: "it-tech", reason: "again")
            }
            await #expect(throws: StoreError.self) {
                try await path.review.release(decisionID: duplicate.decisionID, reviewer: "it-tech", reason: "again")
            }
            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "CRASH-WINDOW-1").count == 1)
            #expect(try await path.database.decision(id: duplicate.decisionID)?.quarantine?.state == .released)
            #expect(try path.heldQueueIDs().isEmpty)
        }
    }
}
