import ArgumentParser
import ChaperoneModel
import Review
import Store

/// `chaperone log`: every decision, newest first.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List decisions, newest first.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "Only decisions since then: 30d, 12h, or an ISO date.") var since: String?
    @Option(help: "Only this action (accept, tag, quarantine, reject).") var action: Action?
    @Option(help: "Only decisions where this policy section fired (e.g. 3, 7.2, 8).") var section: Section?
    @Option(help: "Only this sender, or @domain for all senders there.") var sender: String?
    @Option(help: "At most this many.") var limit = 200
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        _ = try QuarantineCommand.sinceDate(since)
    }

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let database = try store.openDatabase(configuration)
        let filter = DecisionFilter(
            since: try QuarantineCommand.sinceDate(since), action: action, section: section, sender: sender, limit: limit)
        let decisions = try await database.decisions(matching: filter)
        print(json ? try JSONOutput.render(decisions) : DecisionTable.render(decisions), terminator: json ? "\n" : "")
    }
}
