import ArgumentParser
import Notify
import Review
import Store

/// `chaperone quarantine release ID --reason R`: delivers a held message once.
struct QuarantineRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a held message (postsuper -H if Postfix holds it, else reinject the stored copy).")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The decision id (CH-…).") var id: String
    @Option(help: "Why it may be delivered (recorded in the audit trail).") var reason: String
    @Option(help: "Who is releasing it (default: the login).") var reviewer: String?

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must not be empty") }
    }

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let workflow = try QuarantineCommand.workflow(store: store, configuration: configuration)
        let method = try await workflow.release(decisionID: id, reviewer: QuarantineCommand.reviewer(reviewer), reason: reason)
        print("Released \(id) (\(method.rawValue)).")
    }
}
