import ArgumentParser
import Foundation
import Learning
import Store

/// `chaperone simulate --config NEW.yaml --since 30d`: what a proposed configuration
/// would change on the mail already decided, per rule.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Decide stored mail again under a proposed configuration and report what would change.",
        discussion: """
            Every decision in the store since --since is decided again under --config (with its roster and \
            learned file): a held message whose copy is still within retention is scanned again in full (each \
            copy read is audited); any other is decided again from its recorded findings and recipients, which \
            answers changes to actions, partners, rules and learned changes exactly, but not changes to what \
            the detectors find (roster, thresholds) or to the exposed-recipients count. Reports per rule, by \
            section, the messages newly held (delivered before) and newly released (held before), with \
            decision ids. Nothing is changed in the store.
            """)

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "The period: 30d, 12h, or an ISO date.") var since = "30d"
    @Option(help: "Your name, recorded with your login when a stored copy is read.") var reviewer: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard store.config != nil else { throw ValidationError("--config NEW.yaml is required: the configuration to simulate") }
        _ = try QuarantineCommand.sinceDate(since)
    }

    func run() async throws {
        let start = try QuarantineCommand.sinceDate(since) ?? Date()
        let loaded: RuntimeLoader.Loaded
        do {
            loaded = try RuntimeLoader(options: try RuntimeOptions.parse(["--config", store.config ?? ""])).load()
        } catch {
            throw CommandFailure.input("\(error)")
        }
        let actor = QuarantineCommand.reviewer(reviewer)
        let report = try await store.withReviewStore(loaded.configuration) { database in
            let expander = loaded.expander
            return try await Simulator(pipelines: loaded.pipelines, store: database, actor: actor) { envelope in
                try expander?.expand(envelope) ?? envelope
            }.run(since: start)
        }
        if json {
            JSONLines.print(SimulationLine(report))
        } else {
            print(SimulationText.render(report, config: store.config ?? ""), terminator: "")
        }
    }
}

/// The plain-text form of a simulation.
enum SimulationText {
    static func render(_ report: SimulationReport, config: String) -> String {
        let held = report.changes.filter(\.isNewlyHeld), released = report.changes.filter(\.isNewlyReleased)
        var text = """
            Simulated \(report.replayedCopies + report.redecidedFromFindings) decisions since \(report.since.formatted(.iso8601)) under \(config): \
            \(report.replayedCopies) scanned again from stored copies, \(report.redecidedFromFindings) from recorded findings.
            Newly held: \(held.count); newly released: \(released.count).

            """
        var section = ""
        for rule in report.rules {
            if rule.section != section {
                section = rule.section
                text += "§\(section)\n"
            }
            text += "  \(rule.rule):"
            if !rule.newlyHeld.isEmpty { text += " newly held \(rule.newlyHeld.count) (\(SuggestionText.ids(rule.newlyHeld)))" }
            if !rule.newlyReleased.isEmpty { text += " newly released \(rule.newlyReleased.count) (\(SuggestionText.ids(rule.newlyReleased)))" }
            text += "\n"
        }
        let other = report.changes.filter { !$0.isNewlyHeld && !$0.isNewlyReleased }
        if !other.isEmpty {
            text += "Other action changes:\n"
            for change in other { text += "  \(change.decisionID): \(change.before.rawValue) → \(change.after.rawValue)\n" }
        }
        for failure in report.failures { text += "Not simulated: \(failure.decisionID): \(failure.reason)\n" }
        return text
    }
}

/// A simulation as one JSON line.
struct SimulationLine: Encodable {
    var since: Date
    var replayedCopies: Int
    var redecidedFromFindings: Int
    var rules: [SimulationReport.RuleChange]
    var changes: [SimulationReport.Change]
    var failures: [SimulationReport.Failure]

    init(_ report: SimulationReport) {
        since = report.since
        replayedCopies = report.replayedCopies
        redecidedFromFindings = report.redecidedFromFindings
        rules = report.rules
        changes = report.changes
        failures = report.failures
    }
}
