import Foundation
import Testing

@testable import Store

@Suite struct MigrationTests {
    @Test func migratesAnEmptyDatabaseAndReopensIdempotently() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let first = try AppDatabase(path: directory.databasePath)
        #expect(try await first.appliedMigrations() == AppDatabase.migrationNames)
        try await first.insertDecisions([DecisionFixtures.record(id: "CH-1")])

        let second = try AppDatabase(path: directory.databasePath)
        #expect(try await second.appliedMigrations() == AppDatabase.migrationNames)
        #expect(try await second.decision(id: "CH-1") != nil)
    }

    @Test(arguments: AppDatabase.migrationNames)
    func migratesFromEveryEarlierVersion(lastApplied: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let old = try AppDatabase(path: directory.databasePath, busyTimeoutSeconds: 5, migratingUpTo: lastApplied)
        let applied = try await old.appliedMigrations()
        #expect(applied.last == lastApplied)

        let current = try AppDatabase(path: directory.databasePath)
        #expect(try await current.appliedMigrations() == AppDatabase.migrationNames)
    }

    @Test func createsTheDatabaseAndItsCompanionsForTheReviewGroupOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertDecisions([DecisionFixtures.record()])
        for file in [directory.databasePath, directory.databasePath + "-wal", directory.databasePath + "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            #expect(mode == 0o660, "\(file) has mode \(String(mode, radix: 8))")
        }
    }
}
