import ChaperoneModel
import Foundation
import Testing

@testable import Store

@Suite struct QuarantineTests {
    @Test func quarantineRowAndCopyArePresentWhenRecordReturns() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = SQLiteDecisionStore(database: try AppDatabase(path: directory.databasePath))
        var raw = DecisionFixtures.rawMessage
        raw += (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }  // binary, incompressible-ish

        try await store.recordQuarantine(
            DecisionFixtures.record(id: "CH-Q1", action: .quarantine, sections: [.confidentiality]), rawMessage: raw)

        // A separate connection, as the CLI would open, sees it at once.
        let reader = try AppDatabase(path: directory.databasePath)
        let stored = try #require(try await reader.decision(id: "CH-Q1"))
        #expect(stored.quarantine?.state == .held)
        #expect(stored.quarantine?.queueID == "4ABCD123")
        #expect(stored.quarantine?.sizeBytes == raw.count)
        #expect(stored.record.report.findings.first?.evidence == "A1234…Z")
        let content = try await reader.rawMessageForViewing(decisionID: "CH-Q1", viewer: "it-admin", reason: "check")
        #expect(content == raw)
        let events = try await reader.reviewEvents(decisionID: "CH-Q1")
        #expect(events.map(\.kind) == [.viewedRaw])
        #expect(events.first?.actor == "it-admin")
    }

    @Test func twoConcurrentReleasesOnlyOneSucceeds() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try AppDatabase(path: directory.databasePath)
        let second = try AppDatabase(path: directory.databasePath)
        try await first.insertQuarantine(
            DecisionFixtures.record(id: "CH-R1", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)

        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for database in [first, second, first, second] {
                group.addTask {
                    do {
                        let claim = try await database.claim(decisionID: "CH-R1", for: .release)
                        try await database.finish(claim, outcome: .releasedByReinjection, actor: "a", reason: "ok", detail: nil)
                        return true
                    } catch StoreError.wrongState {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await first.decision(id: "CH-R1")?.quarantine?.state == .released)
        #expect(try await first.reviewEvents(decisionID: "CH-R1").count == 1)
    }

    @Test func aFailedReleaseReturnsTheMessageToHeld() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "CH-F1", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)

        let claim = try await database.claim(decisionID: "CH-F1", for: .release)
        #expect(try await database.decision(id: "CH-F1")?.quarantine?.state == .releasing)
        await #expect(throws: StoreError.self) { try await database.claim(decisionID: "CH-F1", for: .release) }
        await #expect(throws: StoreError.self) { try await database.deleteHeld(decisionID: "CH-F1", actor: "b", reason: "r") }
        try await database.finish(claim, outcome: .releaseFailed, actor: "a", reason: "r", detail: "connection refused")
        #expect(try await database.decision(id: "CH-F1")?.quarantine?.state == .held)

        try await database.deleteHeld(decisionID: "CH-F1", actor: "b", reason: "spam")
        let status = try await database.decision(id: "CH-F1")?.quarantine
        #expect(status?.state == .deleted)
        #expect(status?.reviewer == "b")
        #expect(status?.hasStoredCopy == false)
        #expect(try await database.reviewEvents(decisionID: "CH-F1").map(\.kind) == [.releaseFailed, .deleted])
    }

    @Test func deleteRemovesTheCopyFromTheFileNotJustTheRow() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let marker = Array("UNCOMPRESSIBLE-MARKER-Q7".utf8)
        // Random bytes do not compress, so zlib stores the block as it is, marker included.
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<32_768).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "CH-D1", action: .quarantine), rawMessage: noise + marker + noise)
        #expect(Self.contains(try Self.checkpointedFile(database), marker), "the copy should be findable before the delete")
        try await database.deleteHeld(decisionID: "CH-D1", actor: "a", reason: "gone")
        #expect(!Self.contains(try Self.checkpointedFile(database), marker), "the deleted copy is still readable in the database file")
        await #expect(throws: StoreError.unknownDecision("CH-NONE")) {
            try await database.deleteHeld(decisionID: "CH-NONE", actor: "a", reason: "r")
        }
    }

    static func checkpointedFile(_ database: AppDatabase) throws -> [UInt8] {
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: database.path)))
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func claimsRefuseUnknownAndUnquarantinedDecisions() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertDecisions([DecisionFixtures.record(id: "CH-A1")])

        await #expect(throws: StoreError.unknownDecision("CH-NONE")) {
            try await database.claim(decisionID: "CH-NONE", for: .release)
        }
        await #expect(throws: StoreError.notQuarantined("CH-A1")) {
            try await database.claim(decisionID: "CH-A1", for: .release)
        }
    }

    @Test func theAuditTrailIsAppendOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "CH-E1", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
        try await database.markFalsePositive(decisionID: "CH-E1", actor: "a", reason: "newsletter")

        await #expect(throws: (any Error).self) {
            try await database.pool.write { db in try db.execute(sql: "DELETE FROM reviewEvent") }
        }
        await #expect(throws: (any Error).self) {
            try await database.pool.write { db in try db.execute(sql: "UPDATE reviewEvent SET actor = 'x'") }
        }
        #expect(try await database.reviewEvents(decisionID: "CH-E1").count == 1)
        #expect(try await database.decision(id: "CH-E1")?.falsePositive == true)
    }
}
