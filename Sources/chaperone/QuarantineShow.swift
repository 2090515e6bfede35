import ArgumentParser
import Foundation
import Review
import Store

/// `chaperone quarantine show ID`: one decision in full; `--raw` prints the message
/// itself and records that access in the audit trail.
struct QuarantineShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a decision: envelope, recipients, findings, explanation, audit trail.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The decision id (CH-…).") var id: String
    @Flag(help: "Print the raw message (the access is audited).") var raw = false
    @Option(help: "Why the raw message is being read (recorded with --raw).") var reason: String?
    @Option(help: "Who is reading it, recorded with the real user running the command (default: that user).") var reviewer: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        if raw {
            let bytes = try await store.withReviewStore(configuration) { database in
                try await database.rawMessageForViewing(
                    decisionID: id, viewer: QuarantineCommand.reviewer(reviewer), reason: reason, at: Date())
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let detail = try await store.withReviewStore(configuration) { database in
            try await DecisionDetail.load(decisionID: id, from: database, configuration: configuration)
        }
        print(json ? JSONLines.line(detail) : detail.text, terminator: json ? "\n" : "")
    }
}
