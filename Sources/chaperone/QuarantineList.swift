import ArgumentParser
import ChaperoneModel
import Review
import Store

/// `chaperone quarantine list`: quarantined messages, newest first.
struct QuarantineList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List quarantined messages.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "Only messages in this state (held, released, deleted, expired, …).") var state: QuarantineState?
    @Option(help: "Only messages where this policy section fired (e.g. 3, 7.2, 8).") var section: Section?
    @Option(help: "Only messages decided since then: 30d, 12h, or an ISO date.") var since: String?
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
            since: try QuarantineCommand.sinceDate(since), section: section, sender: sender, state: state,
            quarantinedOnly: true, limit: limit)
        let decisions = try await database.decisions(matching: filter)
        print(json ? try JSONOutput.render(decisions) : DecisionTable.render(decisions), terminator: json ? "\n" : "")
    }
}
