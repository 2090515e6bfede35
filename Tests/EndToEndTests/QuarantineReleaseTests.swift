import ChaperoneModel
import Foundation
import Review
import Store
import Testing

/// The production path through a real Postfix: a sample breach is held, recorded with
/// its copy, explained to its sender, and released or deleted by the review workflow
/// exactly once.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct QuarantineReleaseTests {
    static let sender = "c.bennett@ralphthoresby.example"

    /// Sample 29: a teacher sending pupils' names to her own personal address (§7.2).
    static func heldMessage(_ path: ProductionPath, marker: String) async throws -> (StoredDecision, String) {
        var message = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
        message += Array("\r\n\(marker)\r\n".utf8)
        let reply = try await path.submit(message, from: sender, to: ["claire.bennett77@gmail.com"])
        #expect(reply.code == 250, "\(reply.text)")
        let queueID = try await path.poll { try path.heldQueueIDs().first }
        let decisions = try await path.database.decisions(matching: DecisionFilter(quarantinedOnly: true))
        let decision = try #require(decisions.first, "\(path.postfix.log)")
        return (decision, try #require(queueID, "nothing in the hold queue: \(path.postfix.log)"))
    }

    @Test func heldMessageIsRecordedExplainedAndReleasedExactlyOnce() async throws {
        try await ProductionPath.with { path in
            let (decision, queueID) = try await Self.heldMessage(path, marker: "RELEASE-ONCE-1")
            #expect(decision.record.report.action == .quarantine)
            #expect(decision.record.report.sections == [.unacceptableUse])
            #expect(decision.quarantine?.state == .held)
            #expect(decision.quarantine?.queueID == queueID)

            // The explanation reaches the sender, names the section, carries no pupil data.
            let notice = try await path.poll { path.delivered(containing: "Auto-Submitted: auto-replied").first }
            let text = try #require(notice, "no notice at the sink: \(path.postfix.log)")
            #expect(text.contains("To: \(Self.sender)") || text.contains("<\(Self.sender)>"))
            #expect(text.contains("7.2"))
            #expect(text.contains(decision.decisionID))
            for name in ["Will Parker", "Summer Brook", "Parker", "Brook"] {
                #expect(!text.contains(name), "the notice must not carry pupil names")
            }
            #expect(path.delivered(containing: "RELEASE-ONCE-1").isEmpty)

            let method = try await path.review.release(decisionID: decision.decisionID, reviewer: "it-tech", reason: "checked with sender")
            #expect(method == .postfixHoldQueue)
            let released = try await path.poll { path.delivered(containing: "RELEASE-ONCE-1").first }
            #expect(released?.contains("Notes for Will Parker and Summer Brook's reports") == true)
            await #expect(throws: (any Error).self) {
                _ = try await path.review.release(decisionID: decision.decisionID, reviewer: "it-tech", reason: "again")
            }
            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "RELEASE-ONCE-1").count == 1)
            #expect(try path.heldQueueIDs().isEmpty)
            let after = try await path.database.decision(id: decision.decisionID)
            #expect(after?.quarantine?.state == .released)
            let events = try await path.database.reviewEvents(decisionID: decision.decisionID)
            #expect(events.contains { $0.actor == "it-tech" && $0.reason == "checked with sender" })
        }
    }

    @Test func deletedMessageLeavesTheHoldQueueAndIsNeverDelivered() async throws {
        try await ProductionPath.with { path in
            let (decision, _) = try await Self.heldMessage(path, marker: "DELETE-ME-2")
            try await path.review.delete(decisionID: decision.decisionID, reviewer: "it-tech", reason: "sent in error")
            #expect(try await path.poll { try path.heldQueueIDs().isEmpty ? true : nil } == true)
            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "DELETE-ME-2").isEmpty)
            #expect(try await path.database.decision(id: decision.decisionID)?.quarantine?.state == .deleted)
        }
    }

    @Test func copyIsReinjectedWhenPostfixNoLongerHoldsTheMessage() async throws {
        try await ProductionPath.with { path in
            let (decision, queueID) = try await Self.heldMessage(path, marker: "REINJECT-3")
            // The held copy is gone from this Postfix (another host, a rebuilt queue).
            try PostfixInstance.run("/usr/sbin/postsuper", ["-c", path.postfix.configDirectory, "-d", queueID, "hold"])
            let method = try await path.review.release(decisionID: decision.decisionID, reviewer: "it-tech", reason: "queue rebuilt")
            #expect(method == .reinjection)
            let delivered = try await path.poll { path.delivered(containing: "REINJECT-3").first }
            #expect(delivered?.contains("Notes for Will Parker and Summer Brook's reports") == true)
            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "REINJECT-3").count == 1)
        }
    }

    @Test func internalMailIsDeliveredAndLogged() async throws {
        try await ProductionPath.with { path in
            var message = try ProductionPath.sampleMessage("02-internal-sen-list.eml")
            message += Array("\r\nINTERNAL-4\r\n".utf8)
            let reply = try await path.submit(message, from: "s.whitfield@ralphthoresby.example", to: ["yearheads@ralphthoresby.example"])
            #expect(reply.code == 250)
            let delivered = try await path.poll { path.delivered(containing: "INTERNAL-4").first }
            #expect(delivered?.contains("X-Chaperone: accept; id=CH-") == true)
            let logged = try await path.poll {
                let rows = try await path.database.decisions(matching: DecisionFilter())
                return rows.isEmpty ? nil : rows
            }
            #expect(logged?.first?.record.report.action == .accept)
        }
    }
}
