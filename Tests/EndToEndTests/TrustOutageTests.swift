import ChaperoneModel
import Foundation
import PostgresTestSupport
import Store
import Testing

/// PostgreSQL stopped under a running mail host: every message gets a tempfail (it
/// stays the sender's, so nothing is lost), the milter says why in its log, and once the
/// server is back decisions resume without restarting `serve`. A cluster of its own,
/// since this test stops it.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct TrustOutageTests {
    @Test func aStoreOutageTempfailsLosesNothingAndDecisionsResume() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let trust = try await TrustHosts.start(cluster: cluster, hostIDs: ["mx-a"], timeoutSeconds: 10)
        do {
            let host = trust.hosts[0]
            let staff = try ProductionPath.sampleMessage("02-internal-sen-list.eml")
            let held = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
            let before = try await SMTPSubmission.send(
                port: host.postfix.smtpPort, from: "s.whitfield@ralphthoresby.example", to: ["yearheads@ralphthoresby.example"],
                message: staff + Array("\r\nOUTAGE-BEFORE\r\n".utf8))
            #expect(before.code == 250, "\(before.text)")

            try cluster.stopServer()
            let accepted = staff + Array("\r\nOUTAGE-ACCEPT\r\n".utf8)
            let quarantined = held + Array("\r\nOUTAGE-HOLD\r\n".utf8)
            let downAccept = try await SMTPSubmission.send(
                port: host.postfix.smtpPort, from: "s.whitfield@ralphthoresby.example", to: ["yearheads@ralphthoresby.example"],
                message: accepted)
            let downHold = try await SMTPSubmission.send(
                port: host.postfix.smtpPort, from: "c.bennett@ralphthoresby.example", to: ["claire.bennett77@gmail.com"],
                message: quarantined)
            #expect((400..<500).contains(downAccept.code), "with the store down: \(downAccept.text)")
            #expect((400..<500).contains(downHold.code), "with the store down: \(downHold.text)")
            let log = trust.log(of: host)
            #expect(log.contains("decision not recorded") && log.contains("quarantine copy not stored"), "\(log.suffix(2000))")
            #expect(!log.contains("Whitfield") && !log.contains("Bennett"), "the log holds no content")

            try cluster.startServer()
            // The sending server retries; the pool reconnects by itself, serve is not restarted.
            let retriedAccept = try await CrashRecoveryTests.sendRetrying(
                port: host.postfix.smtpPort, from: "s.whitfield@ralphthoresby.example", to: ["yearheads@ralphthoresby.example"],
                message: accepted)
            let retriedHold = try await CrashRecoveryTests.sendRetrying(
                port: host.postfix.smtpPort, from: "c.bennett@ralphthoresby.example", to: ["claire.bennett77@gmail.com"],
                message: quarantined)
            #expect(retriedAccept.code == 250 && retriedHold.code == 250, "\(retriedAccept.text) \(retriedHold.text)")

            _ = try await trust.poll { trust.delivered(containing: "OUTAGE-ACCEPT").first }
            #expect(trust.delivered(containing: "OUTAGE-BEFORE").count == 1)
            #expect(trust.delivered(containing: "OUTAGE-ACCEPT").count == 1, "delivered once after the outage")
            #expect(trust.delivered(containing: "OUTAGE-HOLD").isEmpty)
            var heldCopies = 0
            for decision in try await trust.observer.decisions(matching: DecisionFilter(quarantinedOnly: true)) {
                let raw = try await trust.observer.rawMessageForViewing(decisionID: decision.decisionID, viewer: "e2e", reason: nil, at: Date())
                if String(decoding: raw, as: UTF8.self).contains("OUTAGE-HOLD") { heldCopies += 1 }
            }
            #expect(heldCopies == 1, "the held message is stored once")
            #expect(try await trust.observer.decisions(matching: DecisionFilter()).allSatisfy { $0.record.mailHost == "mx-a" })
        } catch {
            await trust.stop()
            throw error
        }
        await trust.stop()
    }
}
