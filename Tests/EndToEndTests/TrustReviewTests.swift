import ChaperoneModel
import Foundation
import PostgresTestSupport
import Store
import Testing

/// Any host reviews any message: two mail hosts (each a real Postfix in front of its own
/// `chaperone serve`) share one PostgreSQL store (a throwaway cluster). The review
/// commands run as a technician runs them, with the host's configuration file.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct TrustReviewTests {
    static let pupilSender = "c.bennett@ralphthoresby.example"
    static let personal = "claire.bennett77@gmail.com"

    static func held(_ marker: String) throws -> [UInt8] {
        try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml") + Array("\r\n\(marker)\r\n".utf8)
    }

    /// Sends through `host` and returns the decision the shared store recorded for it.
    static func hold(_ marker: String, on host: TrustHosts.Host, in trust: TrustHosts) async throws -> StoredDecision {
        let reply = try await SMTPSubmission.send(port: host.postfix.smtpPort, from: pupilSender, to: [personal], message: try held(marker))
        #expect(reply.code == 250, "\(reply.text)")
        let decision = try await trust.poll { () async throws -> StoredDecision? in
            for decision in try await trust.observer.decisions(matching: DecisionFilter(quarantinedOnly: true)) {
                let raw = try await trust.observer.rawMessageForViewing(
                    decisionID: decision.decisionID, viewer: "e2e", reason: nil, at: Date())
                if String(decoding: raw, as: UTF8.self).contains(marker) { return decision }
            }
            return nil
        }
        return try #require(decision, "no quarantined decision for \(marker)")
    }

    @Test func aReviewerOnOneHostReleasesWhatAnotherHostHeldExactlyOnce() async throws {
        let trust = try await TrustHosts.start(cluster: try await PostgresCluster.shared())
        do {
            let (hostA, hostB) = (trust.hosts[0], trust.hosts[1])
            let decision = try await Self.hold("TRUST-HELD-ON-B", on: hostB, in: trust)
            #expect(decision.record.mailHost == "mx-b", "the store records which host decided")
            #expect(decision.quarantine?.state == .held)

            // A technician on host A sees it in the list and releases it from there.
            let list = try ChaperoneCommand.run(["quarantine", "list", "--config", hostA.config.path])
            #expect(list.status == 0, "\(list.errors)")
            #expect(list.output.contains(decision.decisionID), "\(list.output)")
            let show = try ChaperoneCommand.run(["quarantine", "show", decision.decisionID, "--config", hostA.config.path])
            #expect(show.status == 0 && show.output.contains(Self.pupilSender), "\(show.output)\(show.errors)")
            let release = try ChaperoneCommand.run(
                ["quarantine", "release", decision.decisionID, "--reason", "checked with the DSL", "--config", hostA.config.path])
            #expect(release.status == 0, "\(release.output)\(release.errors)")
            let delivered = try #require(try await trust.poll { trust.delivered(containing: "TRUST-HELD-ON-B").first })
            #expect(delivered.contains("X-Chaperone-Release: \(decision.decisionID)"))
            // Reinjected through host A's own milter-free listener: A's Postfix received it.
            #expect(delivered.contains("by mx-a.trust.example"), "\(delivered.prefix(600))")
            #expect(!delivered.contains("by mx-b.trust.example"))
            let again = try ChaperoneCommand.run(
                ["quarantine", "release", decision.decisionID, "--reason", "again", "--config", hostB.config.path])
            #expect(again.status != 0, "a second release from the other host must be refused")
            try await Task.sleep(for: .seconds(2))
            #expect(trust.delivered(containing: "TRUST-HELD-ON-B").count == 1)
            #expect(try await trust.observer.decision(id: decision.decisionID)?.quarantine?.state == .released)

            // Two reviewers, one on each host, release the same message at once: one wins.
            let contested = try await Self.hold("TRUST-CONTESTED", on: hostA, in: trust)
            let outcomes = try await withThrowingTaskGroup(of: Int32.self) { group in
                for host in [hostA, hostB] {
                    group.addTask {
                        try ChaperoneCommand.run(
                            ["quarantine", "release", contested.decisionID, "--reason", "both at once", "--config", host.config.path]
                        ).status
                    }
                }
                return try await group.reduce(into: [Int32]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == 0 }.count == 1, "exactly one release succeeds: \(outcomes)")
            _ = try await trust.poll { trust.delivered(containing: "TRUST-CONTESTED").first }
            try await Task.sleep(for: .seconds(2))
            #expect(trust.delivered(containing: "TRUST-CONTESTED").count == 1)
            let events = try await trust.observer.reviewEvents(decisionID: contested.decisionID)
            // The log and report on either host cover both hosts' mail.
            let log = try ChaperoneCommand.run(["log", "--config", hostB.config.path])
            #expect(log.status == 0 && log.output.contains(decision.decisionID) && log.output.contains(contested.decisionID), "\(log.output)\(log.errors)")
            let report = try ChaperoneCommand.run(["report", "--since", "1d", "--json", "--config", hostB.config.path])
            #expect(report.status == 0 && report.output.contains("\"total\":2"), "\(report.output)\(report.errors)")
            // One release in the audit trail (the test's own reads of the copy are audited too).
            #expect(events.map(\.kind).filter { $0 != .viewedRaw } == [.releasedByReinjection])
        } catch {
            await trust.stop()
            throw error
        }
        await trust.stop()
    }
}
