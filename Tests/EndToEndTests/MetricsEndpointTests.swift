import Foundation
import Testing

/// `chaperone serve` with `metrics.listen`: the loopback `/metrics` endpoint is scraped
/// before and after messages go through a real Postfix into the milter, and the counts
/// move as the decisions did.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled && getuid() == 0, "needs Postfix and root (to start Postfix)")
)
struct MetricsEndpointTests {
    @Test func valuesChangeAfterAScanThroughTheMilter() async throws {
        let work = try CLIRun.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let metricsPort = try FreePort.next()
        let postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        defer { postfix.stop() }
        let config = work.appendingPathComponent("chaperone.yaml")
        try (CrashRecoveryTests.configuration(
            work: work, database: work.appendingPathComponent("chaperone.sqlite"), milterPort: milterPort, postfix: postfix)
            + "\nmetrics:\n  listen: 127.0.0.1:\(metricsPort)\n").write(to: config, atomically: true, encoding: .utf8)
        let serve = try ServeProcess(config: config, logFile: work.appendingPathComponent("serve.log"), port: milterPort)
        defer { serve.stop() }

        let before = try HTTPGet.fetch(port: metricsPort, path: "/metrics")
        #expect(before.status == 200)
        #expect(HTTPGet.sample(before.body, "chaperone_roster_pupils") ?? 0 >= 80, "\(before.body)")
        #expect(HTTPGet.sample(before.body, "chaperone_roster_age_seconds") != nil)
        #expect(HTTPGet.sample(before.body, #"chaperone_decisions_total{action="quarantine",section="3"}"#) == nil)

        let held = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
        let staffOnly = try ProductionPath.sampleMessage("02-internal-sen-list.eml")
        let quarantined = try await SMTPSubmission.send(
            port: postfix.smtpPort, from: "c.bennett@ralphthoresby.example", to: ["claire.bennett77@gmail.com"], message: held)
        #expect(quarantined.code == 250, "\(quarantined.text)")
        let accepted = try await SMTPSubmission.send(
            port: postfix.smtpPort, from: "s.whitfield@ralphthoresby.example", to: ["yearheads@ralphthoresby.example"], message: staffOnly)
        #expect(accepted.code == 250, "\(accepted.text)")

        let after = try HTTPGet.fetch(port: metricsPort, path: "/metrics")
        #expect(after.status == 200)
        let quarantines = after.body.split(separator: "\n").filter { $0.hasPrefix(#"chaperone_decisions_total{action="quarantine""#) }
        #expect(!quarantines.isEmpty, "\(after.body)")
        #expect(HTTPGet.sample(after.body, #"chaperone_decisions_total{action="accept",section="none"}"#) == 1, "\(after.body)")
        #expect(HTTPGet.sample(after.body, "chaperone_scan_seconds_count") == 2, "\(after.body)")
        #expect(HTTPGet.sample(after.body, #"chaperone_store_commit_seconds_count{kind="quarantine"}"#) == 1, "\(after.body)")
        #expect(HTTPGet.sample(after.body, "chaperone_messages_in_flight") == 0)
        #expect(HTTPGet.sample(after.body, "chaperone_spool_bytes") == 0)
        #expect(!after.body.contains("claire.bennett77"), "no address is ever a label")

        #expect(try HTTPGet.fetch(port: metricsPort, path: "/").status == 404)
    }
}
