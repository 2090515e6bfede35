import ArgumentParser
import Foundation
import Review
import Store

/// `chaperone purge`: applies retention (store.quarantineRetentionDays for stored
/// copies, store.decisionRetentionDays for decision rows).
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Remove stored copies and decision rows past their retention.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Flag(help: "Only count what would be removed.") var dryRun = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let policy = RetentionPolicy(
            quarantineContentDays: configuration.store.quarantineRetentionDays,
            decisionDays: configuration.store.decisionRetentionDays)
        let result = try await store.withReviewStore(configuration) { database in
            try await database.purge(policy: policy, now: Date(), actor: QuarantineCommand.reviewer(nil), dryRun: dryRun)
        }
        if json {
            JSONLines.print(result)
        } else {
            let verb = dryRun ? "Would remove" : "Removed"
            print("\(verb) \(result.contentsRemoved) stored copies (\(result.heldExpired) never reviewed, now expired) and \(result.decisionsDeleted) decision rows.")
        }
    }
}
