import ArgumentParser
import ChaperoneModel
import Review
import Store

/// `--since`, `--section`, `--sender`, `--limit` and `--json`, taken by every command
/// that lists decisions (`log`, `quarantine list`); the help is worded by `Wording`.
struct DecisionFilterOptions<Wording: DecisionFilterWording>: ParsableArguments {
    @Option(help: "Only \(Wording.listedSince) since then: 30d, 12h, or an ISO date.") var since: String?
    @Option(help: "Only \(Wording.listed) where this policy section fired (e.g. 3, 7.2, 8).") var section: Section?
    @Option(help: "Only this sender, or @domain for all senders there.") var sender: String?
    @Option(help: "Only mail from senders with this role (pupil, staff, system, outside).") var role: SenderRole?
    @Option(help: "At most this many.") var limit = 200
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        _ = try QuarantineCommand.sinceDate(since)
    }

    /// The filter these options describe, narrowed further by the command's own options.
    func decisionFilter(
        action: Action? = nil, state: QuarantineState? = nil, quarantinedOnly: Bool = false
    ) throws -> DecisionFilter {
        var filter = DecisionFilter(
            since: try QuarantineCommand.sinceDate(since), action: action, section: section, sender: sender,
            state: state, quarantinedOnly: quarantinedOnly, limit: limit)
        filter.senderRole = role
        return filter
    }

    /// `decisions` as a table (with the Postfix queue id and Message-ID when
    /// `mailIdentifiers`), or as JSON Lines of `DecisionLine` with `--json`; printed as is.
    func rendered(_ decisions: [StoredDecision], mailIdentifiers: Bool = false) -> String {
        guard json else { return DecisionTable.render(decisions, mailIdentifiers: mailIdentifiers) }
        return decisions.map { JSONLines.line(DecisionLine($0)) + "\n" }.joined()
    }
}
