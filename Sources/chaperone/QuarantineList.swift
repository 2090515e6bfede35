import ArgumentParser
import Store

/// `chaperone quarantine list`: quarantined messages, newest first.
struct QuarantineList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List quarantined messages.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "Only messages in this state (held, released, deleted, expired, …).") var state: QuarantineState?
    @OptionGroup var filter: DecisionFilterOptions<QuarantineList>

    func run() async throws {
        let decisionFilter = try filter.decisionFilter(state: state, quarantinedOnly: true)
        let decisions = try await store.withReviewStore(store.loadedConfiguration()) { database in
            try await database.decisions(matching: decisionFilter)
        }
        print(filter.rendered(decisions, mailIdentifiers: true), terminator: "")
    }
}

extension QuarantineList: DecisionFilterWording {
    static let listed = "messages"
    static let listedSince = "messages decided"
}
