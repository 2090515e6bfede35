import ChaperoneModel
import Foundation
import Notify
import Review
import Store
import Synchronization
import Testing

/// Durable before acknowledged, under faults: `messageCount` messages (half quarantined,
/// half delivered) go through a real Postfix from clients that retry on 4xx, while
/// `chaperone serve` is killed with SIGKILL `kills` times and restarted. Afterwards every
/// message is delivered exactly once or quarantined with one copy (never both, never
/// neither, never two copies), every delivered message's decision has its row, Postfix's hold queue is
/// empty, and no spool file remains (every message is spooled: `memory_spool_bytes` 1024).
/// Scaled to `messageCount` so that it runs in well under two minutes on a 2-core CI host.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct CrashRecoveryTests {
    static let messageCount = 400
    static let kills = 5
    static let clients = 8

    @Test func repeatedKillsLoseNoMessageNoRowAndLeaveNothingBehind() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        defer { postfix.stop() }
        let config = work.appendingPathComponent("chaperone.yaml")
        let database = work.appendingPathComponent("chaperone.sqlite")
        let spool = work.appendingPathComponent("spool")
        try Self.configuration(work: work, database: database, milterPort: milterPort, postfix: postfix)
            .write(to: config, atomically: true, encoding: .utf8)
        let log = work.appendingPathComponent("serve.log")

        let shared = Shared(serve: try ServeProcess(config: config, logFile: log, port: milterPort))
        let held = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
        let staffOnly = try ProductionPath.sampleMessage("02-internal-sen-list.eml")
        let observer = try AppDatabase(path: database.path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.clients {
                group.addTask {
                    while true {
                        let index = shared.next.withLock { value -> Int in defer { value += 1 }; return value }
                        guard index < Self.messageCount else { return }
                        let marker = Self.marker(index)
                        let quarantined = index.isMultiple(of: 2)
                        let reply = try await Self.sendRetrying(
                            port: postfix.smtpPort,
                            from: quarantined ? "c.bennett@ralphthoresby.example" : "s.whitfield@ralphthoresby.example",
                            to: [quarantined ? "claire.bennett77@gmail.com" : "yearheads@ralphthoresby.example"],
                            message: (quarantined ? held : staffOnly) + Array("\r\n\(marker)\r\n".utf8))
                        if reply.attempts > 1 { shared.retried.withLock { $0 += 1 } }
                        if reply.code != 250 { shared.refused.withLock { $0.append("\(marker): \(reply.text)") } }
                    }
                }
            }
            // Kill the milter at evenly spaced points of the run, restarting it at once.
            for kill in 1...Self.kills {
                let threshold = Self.messageCount * kill / (Self.kills + 1)
                while try await observer.decisions(matching: DecisionFilter(limit: 100_000)).count < threshold {
                    try await Task.sleep(for: .milliseconds(25))
                }
                shared.serve.withLock { $0.crash() }
                let restarted = try ServeProcess(config: config, logFile: log, port: milterPort)
                shared.serve.withLock { $0 = restarted }
            }
            try await group.waitForAll()
        }
        defer { shared.serve.withLock { $0.stop() } }
        #expect(shared.retried.withLock { $0 } > 0, "the kills should have interrupted some sessions")
        #expect(shared.refused.withLock { $0 }.isEmpty, "messages refused for good: \(shared.refused.withLock { $0.prefix(3) })")

        // Wait (bounded) for Postfix to hand every accepted message to the sink.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, !(try postfix.queue().isEmpty) {
            try await Task.sleep(for: .milliseconds(200))
        }
        let left = try postfix.queue()
        #expect(left.isEmpty, "Postfix still queues mail (the hold queue must never be used): \(left)")

        let decisions = try await observer.decisions(matching: DecisionFilter(limit: 100_000))
        let decisionIDs = Set(decisions.map(\.decisionID))
        var quarantinedMarkers: [String: Int] = [:]
        // A hold retried after a kill between its commit and its reply is a duplicate of
        // the first: linked to it, with no copy of its own.
        for decision in decisions where decision.duplicateOf != nil {
            #expect(decision.duplicateOf.map(decisionIDs.contains) == true, "\(decision.decisionID) is linked to a missing decision")
        }
        for decision in decisions where decision.quarantine != nil && decision.duplicateOf == nil {
            #expect(decision.quarantine?.hasStoredCopy == true, "\(decision.decisionID) is quarantined without its copy")
            let raw = try await observer.rawMessageForViewing(
                decisionID: decision.decisionID, viewer: "fault-test", reason: nil, at: Date())
            let text = String(decoding: raw, as: UTF8.self)
            if let marker = (0..<Self.messageCount).lazy.map(Self.marker).first(where: { text.contains($0 + "\r\n") }) {
                quarantinedMarkers[marker, default: 0] += 1
            }
        }
        let delivered = sink.messages.map { String(decoding: $0, as: UTF8.self) }
        var deliveries: [String: Int] = [:]
        for message in delivered {
            guard let marker = (0..<Self.messageCount).lazy.map(Self.marker).first(where: { message.contains($0 + "\r\n") }) else { continue }
            deliveries[marker, default: 0] += 1
            // Every delivered message's decision is in the store.
            let id = message.range(of: "X-Chaperone: accept; id=").map { start in
                String(message[start.upperBound...].prefix { !$0.isWhitespace && $0 != ";" })
            }
            #expect(id.map(decisionIDs.contains) == true, "\(marker) was delivered with decision \(id ?? "none") but the store has no row for it")
        }
        for index in 0..<Self.messageCount {
            let marker = Self.marker(index)
            let sent = deliveries[marker] ?? 0
            let kept = quarantinedMarkers[marker] ?? 0
            if index.isMultiple(of: 2) {
                #expect(sent == 0 && kept == 1, "\(marker): delivered \(sent), quarantined \(kept) times")
            } else {
                #expect(sent == 1 && kept == 0, "\(marker): delivered \(sent), quarantined \(kept)")
            }
        }
        shared.serve.withLock { $0.stop() }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []
        #expect(leftovers.isEmpty, "spool files left after \(Self.kills) kills: \(leftovers)")
        let starts = (try? String(contentsOf: log, encoding: .utf8))?.components(separatedBy: "milter listening").count ?? 0
        #expect(starts - 1 == Self.kills + 1, "serve should have started \(Self.kills + 1) times")
        await sink.stop()
    }

    /// What the clients and the killer share.
    final class Shared: Sendable {
        let serve: Mutex<ServeProcess>
        let next = Mutex(0)
        let refused = Mutex<[String]>([])
        /// Messages that needed more than one attempt (a 4xx while the milter was down).
        let retried = Mutex(0)

        init(serve: ServeProcess) {
            self.serve = Mutex(serve)
        }
    }

    static func marker(_ index: Int) -> String { "FAULT-\(index)-END" }

    /// One message, sent again after every 4xx (the milter down or killed: Postfix
    /// tempfails), as a sending server would, with a bounded number of attempts.
    static func sendRetrying(
        port: Int, from: String, to: [String], message: [UInt8]
    ) async throws -> (code: Int, text: String, attempts: Int) {
        var reply = SMTPSubmission.Reply(lines: [])
        for attempt in 1...300 {
            if let answer = try? await SMTPSubmission.send(port: port, from: from, to: to, message: message) {
                reply = answer
                if !(400..<500).contains(answer.code) { return (answer.code, answer.text, attempt) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (reply.code, reply.text, 300)
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
        limits:
          memory_spool_bytes: 1024
        milter:
          listen: inet:127.0.0.1:\(milterPort)
          spool_directory: \(work.path)/spool
        store:
          database: \(database.path)
        release:
          reinject_listener: 127.0.0.1:\(postfix.reinjectPort)
        notifications:
          enabled: false
        """
    }
}
