import ChaperoneModel
import Foundation
import Review
import Store
import Testing

/// The production path through a real Postfix: a sample breach is stored with its copy
/// and discarded (Postfix's hold queue stays empty throughout), explained to its sender,
/// and released — once, without the quarantine trace, with the release header — or
/// deleted by the review workflow, which talks only to the store and the milter-free
/// listener.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct QuarantineReleaseTests {
    static let sender = "c.bennett@ralphthoresby.example"

    /// Sample 29: a teacher sending pupils' names to her own personal address (§7.2).
    static func heldMessage(_ path: ProductionPath, marker: String) async throws -> StoredDecision {
        var message = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
        message += Array("\r\n\(marker)\r\n".utf8)
        let reply = try await path.submit(message, from: sender, to: ["claire.bennett77@gmail.com"])
        // Postfix says 250 only after the milter's DISCARD, which follows the commit.
        #expect(reply.code == 250, "\(reply.text)")
        let decisions = try await path.database.decisions(matching: DecisionFilter(quarantinedOnly: true))
        let decision = try #require(decisions.first { _ in true }, "no quarantine row when Postfix said 250: \(path.postfix.log)")
        #expect(try path.heldQueueIDs().isEmpty, "Postfix's hold queue must stay empty")
        return decision
    }

    @Test func heldMessageIsStoredExplainedAndReleasedExactlyOnceWithoutTheTrace() async throws {
        try await ProductionPath.with { path in
            let decision = try await Self.heldMessage(path, marker: "RELEASE-ONCE-1")
            #expect(decision.record.report.action == .quarantine)
            #expect(decision.record.report.sections == [.unacceptableUse])
            #expect(decision.quarantine?.state == .held)
            #expect(decision.quarantine?.hasStoredCopy == true)

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
            #expect(try path.heldQueueIDs().isEmpty)

            try await path.review.release(decisionID: decision.decisionID, reviewer: "it-tech", reason: "checked with sender")
            let released = try #require(try await path.poll { path.delivered(containing: "RELEASE-ONCE-1").first })
            #expect(released.contains("Notes for Will Parker and Summer Brook's reports"))
            #expect(released.contains("X-Chaperone-Release: \(decision.decisionID)"))
            #expect(!released.contains("X-Chaperone: quarantine"), "the released copy carries the quarantine trace")
            #expect(path.postfix.log.contains("X-Chaperone-Release: \(decision.decisionID)"), "the release header is not logged")
            await #expect(throws: StoreError.self) {
                try await path.review.release(decisionID: decision.decisionID, reviewer: "it-tech", reason: "again")
            }
            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "RELEASE-ONCE-1").count == 1)
            #expect(try path.heldQueueIDs().isEmpty)
            let after = try await path.database.decision(id: decision.decisionID)
            #expect(after?.quarantine?.state == .released)
            let events = try await path.database.reviewEvents(decisionID: decision.decisionID)
            #expect(events.contains { $0.actor == "it-tech" && $0.reason == "checked with sender" && $0.kind == .releasedByReinjection })
        }
    }

    @Test func deletedMessageLosesItsCopyAndIsNeverDelivered() async throws {
        try await ProductionPath.with { path in
            let decision = try await Self.heldMessage(path, marker: "DELETE-ME-2")
            try await path.review.delete(decisionID: decision.decisionID, reviewer: "it-tech", reason: "sent in error")
            let status = try await path.database.decision(id: decision.decisionID)?.quarantine
            #expect(status?.state == .deleted)
            #expect(status?.hasStoredCopy == false)
            await #expect(throws: StoreError.self) {
                try await path.review.release(decisionID: decision.decisionID, reviewer: "it-tech", reason: "changed my mind")
            }
            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "DELETE-ME-2").isEmpty)
            #expect(try path.heldQueueIDs().isEmpty)
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
