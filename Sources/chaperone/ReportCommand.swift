import ArgumentParser
import Foundation
import Review
import Store

/// `chaperone report`: counts per section and action, top senders, release and
/// false-positive rates.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Summarise decisions over a period.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "The period: 30d, 12h, or an ISO date.") var since = "30d"
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        _ = try QuarantineCommand.sinceDate(since)
    }

    func run() async throws {
        let start = try QuarantineCommand.sinceDate(since) ?? Date()
        let summary = try await store.withReviewStore(store.loadedConfiguration()) { database in
            try await database.summary(since: start, topSenderCount: 10)
        }
        print(json ? JSONLines.line(ReportLine(summary)) : SummaryText.render(summary), terminator: json ? "\n" : "")
    }
}
