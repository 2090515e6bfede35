import ChaperoneModel
import Foundation
import Store
import Testing

/// The review commands as a technician runs them: no root, only membership of the
/// store's group (here `nogroup`, as `chaperone` in deployment), through a real Postfix
/// whose hold queue stays empty; and `check-config` refusing what `serve` would refuse.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled && getuid() == 0, "needs Postfix and root (to start Postfix and to drop to nobody)")
)
struct ReviewCommandTests {
    @Test func anUnprivilegedMemberOfTheStoreGroupReleasesOnceAndDeletes() async throws {
        try await ProductionPath.with { path in
            let released = try await QuarantineReleaseTests.heldMessage(path, marker: "CLI-RELEASE-5")
            let deleted = try await Self.secondHeld(path, marker: "CLI-DELETE-6", other: released.decisionID)
            let config = try Self.shareWithGroup(path, gid: ChaperoneCommand.unprivileged.gid)
            let user = ChaperoneCommand.unprivileged

            let release = try ChaperoneCommand.run(
                ["quarantine", "release", released.decisionID, "--reason", "parent agreed", "--config", config], as: user)
            #expect(release.status == 0, "\(release.errors)")
            let copy = try #require(try await path.poll { path.delivered(containing: "CLI-RELEASE-5").first })
            #expect(!copy.contains("X-Chaperone: quarantine"))
            #expect(copy.contains("X-Chaperone-Release: \(released.decisionID)"))

            let again = try ChaperoneCommand.run(
                ["quarantine", "release", released.decisionID, "--reason", "again", "--config", config], as: user)
            #expect(again.status != 0)
            #expect(again.errors.contains("released, not held"), "\(again.errors)")

            let delete = try ChaperoneCommand.run(
                ["quarantine", "delete", deleted.decisionID, "--reason", "sent in error", "--config", config], as: user)
            #expect(delete.status == 0, "\(delete.errors)")

            try await Task.sleep(for: .seconds(2))
            #expect(path.delivered(containing: "CLI-RELEASE-5").count == 1)
            #expect(path.delivered(containing: "CLI-DELETE-6").isEmpty)
            #expect(try path.heldQueueIDs().isEmpty)
            #expect(try await path.database.decision(id: deleted.decisionID)?.quarantine?.hasStoredCopy == false)
            // The audit actor is the real account, not USER or LOGNAME.
            // USER and LOGNAME are ignored; behind sudo the invoking login is named.
            let show = try ChaperoneCommand.run(
                ["quarantine", "show", released.decisionID, "--raw", "--reason", "audit check", "--config", config],
                environment: ["USER": "forged", "LOGNAME": "forged", "SUDO_USER": "alice"])
            #expect(show.status == 0, "\(show.errors)")
            let events = try await path.database.reviewEvents(decisionID: released.decisionID)
            #expect(events.contains { $0.kind == .releasedByReinjection && $0.actor == "nobody (uid 65534)" }, "\(events.map(\.actor))")
            #expect(events.contains { $0.kind == .viewedRaw && $0.actor == "alice via sudo (uid 0)" }, "\(events.map(\.actor))")
        }
    }

    @Test func checkConfigRefusesAListenAddressThatServeWouldRefuse() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("port.yaml")
        let samples = ProductionPath.repository.appendingPathComponent("samples").path
        try """
            school:
              domains: [a.example]
            roster:
              files: [\(samples)/roster/pupils.csv]
            milter:
              listen: inet:127.0.0.1:99999
              spool_directory: \(directory.path)/spool
            store:
              database: \(directory.path)/c.sqlite
            """.write(to: file, atomically: true, encoding: .utf8)
        let check = try ChaperoneCommand.run(["check-config", file.path])
        #expect(check.status == 2)
        #expect(check.errors.contains("99999"), "\(check.errors)")
        let serve = try ChaperoneCommand.run(["serve", "--config", file.path])
        #expect(serve.status != 0)
        #expect(serve.errors.contains("99999"), "\(serve.errors)")
    }

    /// A second quarantine in the same store.
    static func secondHeld(_ path: ProductionPath, marker: String, other: String) async throws -> StoredDecision {
        var message = try ProductionPath.sampleMessage("29-pupil-to-own-personal.eml")
        message += Array("\r\n\(marker)\r\n".utf8)
        let reply = try await path.submit(message, from: QuarantineReleaseTests.sender, to: ["claire.bennett77@gmail.com"])
        #expect(reply.code == 250, "\(reply.text)")
        let decisions = try await path.database.decisions(matching: DecisionFilter(quarantinedOnly: true))
        return try #require(decisions.first { $0.decisionID != other })
    }

    /// Gives the store's directory and files to group `gid` as deploy/ does for
    /// `chaperone` (directory 2770, files 0660), and writes a configuration for the CLI.
    static func shareWithGroup(_ path: ProductionPath, gid: UInt32) throws -> String {
        let database = path.configuration.store.database
        let directory = (database as NSString).deletingLastPathComponent
        guard chown(directory, 0, gid) == 0, chmod(directory, 0o2770) == 0 else { throw PostfixHarnessError.commandFailed("chown", directory) }
        for file in [database, database + "-wal", database + "-shm"] where FileManager.default.fileExists(atPath: file) {
            guard chown(file, 0, gid) == 0 else { throw PostfixHarnessError.commandFailed("chown", file) }
        }
        let config = directory + "/review.yaml"
        try """
            school:
              domains: [ralphthoresby.example]
            store:
              database: \(database)
            release:
              reinject_listener: \(path.configuration.release.reinjectListener)
            """.write(toFile: config, atomically: true, encoding: .utf8)
        guard chown(config, 0, gid) == 0, chmod(config, 0o640) == 0 else { throw PostfixHarnessError.commandFailed("chown", config) }
        return config
    }
}
