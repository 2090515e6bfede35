import ArgumentParser
import Review

/// `chaperone quarantine false-positive ID --reason R`: labels the decision for policy
/// tuning and releases the message if it is still held.
struct QuarantineFalsePositive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "false-positive", abstract: "Label a decision a false positive and release the message if still held.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The decision id (CH-…).") var id: String
    @Option(help: "Why it was a mistake (recorded for tuning).") var reason: String
    @Option(help: "Who is labelling it (default: the login).") var reviewer: String?

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must not be empty") }
    }

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let workflow = try QuarantineCommand.workflow(store: store, configuration: configuration)
        let method = try await workflow.markFalsePositive(
            decisionID: id, reviewer: QuarantineCommand.reviewer(reviewer), reason: reason)
        print("Labelled \(id) a false positive" + (method.map { "; released (\($0.rawValue))." } ?? "; it was not held, so nothing was released."))
    }
}
