import ArgumentParser
import ChaperoneModel
import Review
import Store

/// `chaperone log`: every decision, newest first.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List decisions, newest first.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "Only this action (accept, tag, quarantine, reject).") var action: Action?
    @OptionGroup var filter: DecisionFilterOptions<LogCommand>

    func run() async throws {
        let decisionFilter = try filter.decisionFilter(action: action)
        let decisions = try await store.withReviewStore(store.loadedConfiguration()) { database in
            try await database.decisions(matching: decisionFilter)
        }
        print(filter.rendered(decisions), terminator: "")
    }
}

extension LogCommand: DecisionFilterWording {
    static let listed = "decisions"
    static let listedSince = "decisions"
}
