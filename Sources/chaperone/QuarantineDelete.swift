import ArgumentParser
import Review

/// `chaperone quarantine delete ID --reason R`: removes a held message for good.
struct QuarantineDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a held message (postsuper -d if Postfix holds it) and mark it deleted.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The decision id (CH-…).") var id: String
    @Option(help: "Why it is deleted (recorded in the audit trail).") var reason: String
    @Option(help: "Who is deleting it (default: the login).") var reviewer: String?

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must not be empty") }
    }

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let workflow = try QuarantineCommand.workflow(store: store, configuration: configuration)
        try await workflow.delete(decisionID: id, reviewer: QuarantineCommand.reviewer(reviewer), reason: reason)
        print("Deleted \(id).")
    }
}
