import ChaperoneModel
import Foundation
import Notify
import Review
import Store
import Synchronization
import Testing

/// Durable before acknowledged: `chaperone serve` is killed with SIGKILL in the middle of
/// a burst of quarantines. After a restart, every message Postfix holds has its decision
/// row and stored copy, and releasing them all (twice) delivers each exactly once.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct CrashRecoveryTests {
    static let burst = 40

    @Test func killDuringAQuarantineBurstLosesNothingAndReleasesNothingTwice() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        defer { postfix.stop() }
        let config = work.appendingPathComponent("chaperone.yaml")
        let database = work.appendingPathComponent("chaperone.sqlite")
        try Self.configuration(work: work, database: database, milterPort: milterPort, postfix: postfix)
            .write(to: config, atomically: true, encoding: .utf8)
        let log = work.appendingPathComponent("serve.log")

        var serve = try ServeProcess(config: config, logFile: log, port: milterPort)
        let sample = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
        let tally = Tally()
        let observer = try AppDatabase(path: database.path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<Self.burst {
                group.addTask {
                    let marker = "BURST-\(index)-END"
                    let reply = try? await SMTPSubmission.send(
                        port: postfix.smtpPort, from: "c.bennett@ralphthoresby.example",
                        to: ["claire.bennett77@gmail.com"], message: sample + Array("\r\n\(marker)\r\n".utf8))
                    if reply?.code == 250 { tally.accepted.withLock { $0.append(marker) } }
                }
            }
            // Kill the milter once a few quarantines are committed and more are in flight.
            for _ in 0..<600 {
                let held = (try? await observer.decisions(matching: DecisionFilter(quarantinedOnly: true)).count) ?? 0
                if held >= 4 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            serve.crash()
            try await group.waitForAll()
        }
        let beforeRestart = tally.accepted.withLock { $0 }
        #expect(beforeRestart.count < Self.burst, "the kill should have interrupted some sessions")

        serve = try ServeProcess(config: config, logFile: log, port: milterPort)
        defer { serve.stop() }

        // Every message Postfix accepted is in the hold queue with its row and copy.
        let held = try postfix.queue().filter { $0["queue_name"] as? String == "hold" }.compactMap { $0["queue_id"] as? String }
        #expect(held.count == beforeRestart.count, "\(postfix.log)")
        let decisions = try await observer.decisions(matching: DecisionFilter(quarantinedOnly: true))
        for queueID in held {
            let decision = decisions.first { $0.quarantine?.queueID == queueID }
            #expect(decision != nil, "held message \(queueID) has no decision row")
            #expect(decision?.quarantine?.hasStoredCopy == true)
        }

        // Release each twice, concurrently: exactly one delivery per message.
        let review = ReviewWorkflow(
            database: observer, postfix: Review.PostfixCommandQueue(configDirectory: postfix.configDirectory),
            reinjector: SMTPSubmitter(listener: SMTPListenerAddress(host: "127.0.0.1", port: postfix.reinjectPort)))
        let heldIDs = decisions.filter { held.contains($0.quarantine?.queueID ?? "") }.map(\.decisionID)
        await withTaskGroup(of: Void.self) { group in
            for decisionID in heldIDs {
                for _ in 0..<2 {
                    group.addTask {
                        if (try? await review.release(decisionID: decisionID, reviewer: "it", reason: "crash test")) != nil {
                            tally.wins.withLock { $0 += 1 }
                        }
                    }
                }
            }
        }
        #expect(tally.wins.withLock { $0 } == held.count)
        let deadline = ContinuousClock.now + .seconds(60)
        func deliveries(_ marker: String) -> Int {
            sink.messages.filter { String(decoding: $0, as: UTF8.self).contains(marker) }.count
        }
        while ContinuousClock.now < deadline, !beforeRestart.allSatisfy({ deliveries($0) >= 1 }) {
            try await Task.sleep(for: .milliseconds(200))
        }
        try await Task.sleep(for: .seconds(2))
        for marker in beforeRestart {
            #expect(deliveries(marker) == 1, "\(marker) delivered \(deliveries(marker)) times")
        }
        await sink.stop()
    }

    /// What the concurrent tasks of the test report back.
    final class Tally: Sendable {
        let accepted = Mutex<[String]>([])
        let wins = Mutex(0)
    }

    static func configuration(work: URL, database: URL, milterPort: Int, postfix: PostfixInstance) -> String {
        let samples = ProductionPath.repository.appendingPathComponent("samples")
        return """
        school:
          name: Crash Test School
          domains: [ralphthoresby.example, pupils.ralphthoresby.example]
        roster:
          files: [\(samples.path)/roster/pupils.csv, \(samples.path)/roster/pupils-ctf.xml]
          staff_file: \(samples.path)/roster/staff.csv
        milter:
          listen: inet:127.0.0.1:\(milterPort)
          spool_directory: \(work.path)/spool
        store:
          database: \(database.path)
        release:
          postfix_config_directory: \(postfix.configDirectory)
          reinject_listener: 127.0.0.1:\(postfix.reinjectPort)
        notifications:
          enabled: false
        """
    }
}
