import ChaperoneModel
import Foundation
import Store
import Testing

/// The whole quarantine flow as deployed, with no root anywhere in it: `chaperone serve`
/// runs as the `chaperone` system user behind a real Postfix and creates the store
/// (0660, group `chaperone`); a reviewer whose only right is membership of group
/// `chaperone` releases one held message (it arrives once, without the quarantine
/// trace), is refused a second release, and deletes another. Postfix's hold queue stays
/// empty throughout. The accounts are created when missing (`ServiceAccounts`).
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled && getuid() == 0,
             "needs Postfix and root: root starts the private Postfix and creates the chaperone accounts the test then runs as")
)
struct UnprivilegedQuarantineTests {
    @Test func serveAsChaperoneAndAReviewerInItsGroupReleaseOnceAndDelete() async throws {
        let accounts = try ServiceAccounts.ensure()
        let work = URL(fileURLWithPath: "/tmp/chaperone-unprivileged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        guard chown(work.path, accounts.service.uid, accounts.group) == 0, chmod(work.path, 0o2770) == 0 else {
            throw PostfixHarnessError.commandFailed("chown", work.path)
        }
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        defer { postfix.stop() }
        let config = work.appendingPathComponent("chaperone.yaml")
        let database = work.appendingPathComponent("db/chaperone.sqlite")
        try CrashRecoveryTests.configuration(work: work, database: database, milterPort: milterPort, postfix: postfix)
            .write(to: config, atomically: true, encoding: .utf8)
        guard chown(config.path, 0, accounts.group) == 0, chmod(config.path, 0o640) == 0 else {
            throw PostfixHarnessError.commandFailed("chown", config.path)
        }
        let serve = try ServeProcess(config: config, logFile: work.appendingPathComponent("serve.log"), port: milterPort,
                                     user: (accounts.service.uid, accounts.service.gid))
        defer { serve.stop() }

        var held: [String: String] = [:]
        for marker in ["UNPRIV-RELEASE-7", "UNPRIV-DELETE-8"] {
            var message = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
            message += Array("\r\n\(marker)\r\n".utf8)
            let reply = try await SMTPSubmission.send(
                port: postfix.smtpPort, from: "c.bennett@ralphthoresby.example", to: ["claire.bennett77@gmail.com"], message: message)
            #expect(reply.code == 250, "\(reply.text)")
            let reviewer = try Self.reviewer(["quarantine", "list", "--config", config.path], accounts)
            #expect(reviewer.status == 0, "\(reviewer.errors)")
            let ids = reviewer.output.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("CH-") }.map(String.init)
            let newID: String? = ids.first(where: { !held.values.contains($0) })
            let id: String = try #require(newID, "no new held message listed: \(reviewer.output)")
            held[marker] = id
            #expect(try Self.heldQueue(postfix).isEmpty)
        }
        // serve made the store as deploy/ expects: its own, group chaperone, 0660.
        var status = stat()
        #expect(stat(database.path, &status) == 0)
        #expect(status.st_uid == accounts.service.uid && status.st_gid == accounts.group && status.st_mode & 0o777 == 0o660)

        let releaseID = try #require(held["UNPRIV-RELEASE-7"]), deleteID = try #require(held["UNPRIV-DELETE-8"])
        let release = try Self.reviewer(["quarantine", "release", releaseID, "--reason", "checked", "--config", config.path], accounts)
        #expect(release.status == 0, "\(release.errors)")
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, Self.delivered(sink, "UNPRIV-RELEASE-7").isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        let copy = try #require(Self.delivered(sink, "UNPRIV-RELEASE-7").first, "the released copy never arrived")
        #expect(!copy.contains("X-Chaperone: quarantine"), "the released copy carries the quarantine trace")
        #expect(copy.contains("X-Chaperone-Release: \(releaseID)"))

        let again = try Self.reviewer(["quarantine", "release", releaseID, "--reason", "again", "--config", config.path], accounts)
        #expect(again.status != 0)
        #expect(again.errors.contains("released, not held"), "\(again.errors)")
        let delete = try Self.reviewer(["quarantine", "delete", deleteID, "--reason", "sent in error", "--config", config.path], accounts)
        #expect(delete.status == 0, "\(delete.errors)")

        try await Task.sleep(for: .seconds(2))
        #expect(Self.delivered(sink, "UNPRIV-RELEASE-7").count == 1)
        #expect(Self.delivered(sink, "UNPRIV-DELETE-8").isEmpty)
        #expect(try Self.heldQueue(postfix).isEmpty)
        let shown = try Self.reviewer(["quarantine", "show", deleteID, "--config", config.path], accounts)
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.contains("deleted"), "\(shown.output)")
        let events = try await AppDatabase(path: database.path).reviewEvents(decisionID: releaseID)
        #expect(events.contains { $0.kind == .releasedByReinjection && $0.actor == "\(ServiceAccounts.reviewerName) (uid \(accounts.reviewer.uid))" },
                "\(events.map(\.actor))")
        await sink.stop()
    }

    /// The CLI as the reviewer: its own uid, primary group, and group `chaperone`.
    static func reviewer(_ arguments: [String], _ accounts: (service: ServiceAccounts.Account, reviewer: ServiceAccounts.Account, group: UInt32)) throws -> ChaperoneCommand.Run {
        try ChaperoneCommand.run(arguments, as: (accounts.reviewer.uid, accounts.reviewer.gid), groups: [accounts.group])
    }

    static func heldQueue(_ postfix: PostfixInstance) throws -> [[String: Any]] {
        try postfix.queue().filter { $0["queue_name"] as? String == "hold" }
    }

    static func delivered(_ sink: SMTPSink, _ marker: String) -> [String] {
        sink.messages.map { String(decoding: $0, as: UTF8.self) }.filter { $0.contains(marker) }
    }
}
