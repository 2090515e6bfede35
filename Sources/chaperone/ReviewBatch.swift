import ArgumentParser
import ChaperoneModel
import Foundation
import Review
import Store

/// Runs one review action over every id a command was given, as postsuper does: each
/// id is tried in turn, a refused one is reported and the rest still done, and the
/// command exits with the worst status (`ExitStatus`). Prints one line per id (with
/// `--json`, a `ReviewResultLine` on standard output and errors as JSON on standard error).
struct ReviewBatch<Wording: ReviewActionWording> {
    let options: ReviewActionOptions<Wording>
    /// "Release", "Delete": the verb of the confirmation question.
    let verb: String

    /// What one action did: the JSON `result` word and the sentence for a terminal.
    struct Outcome {
        var result: String
        var text: String
    }

    /// One id done, as `--json` prints it.
    struct ReviewResultLine: Encodable {
        var decisionId: String
        var result: String
    }

    /// One id refused, as `--json` prints it on standard error.
    struct ReviewErrorLine: Encodable {
        var command: String
        var decisionId: String
        var error: String
        var status: Int
    }

    func run(_ action: (ReviewWorkflow, String) async throws -> Outcome) async throws {
        let configuration = try options.store.loadedConfiguration()
        try await options.store.withReviewStore(configuration) { database in
            try await run(action, database: database, configuration: configuration)
        }
    }

    private func run(
        _ action: (ReviewWorkflow, String) async throws -> Outcome, database: any ReviewStore, configuration: Configuration
    ) async throws {
        let workflow = try QuarantineCommand.workflow(database: database, configuration: configuration)
        let ids = try await selectedIDs(database)
        if ids.isEmpty {
            if !options.filter.json { print("No \(Wording.listed) match.") }
            return
        }
        let report = CommandErrorReport(arguments: Array(CommandLine.arguments.dropFirst()))
        var worst = ExitStatus.success
        for id in ids {
            do {
                let outcome = try await action(workflow, id)
                if options.filter.json {
                    JSONLines.print(ReviewResultLine(decisionId: id, result: outcome.result))
                } else {
                    print(outcome.text)
                }
            } catch {
                let status = CommandErrorReport.status(for: error)
                if status.rawValue > worst.rawValue { worst = status }
                let text = CommandErrorReport.text(for: error)
                let line = options.filter.json
                    ? JSONLines.line(ReviewErrorLine(command: report.command, decisionId: id, error: text, status: Int(status.rawValue)))
                    : "\(report.command): \(id): \(text)"
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }

    /// The ids given, or with `--all` the matching messages once confirmed.
    private func selectedIDs(_ database: any ReviewStore) async throws -> [String] {
        guard options.all else { return options.namedIDs() }
        let filter = try options.filter.decisionFilter(state: Wording.stateForAll, quarantinedOnly: true)
        let ids = try await database.decisions(matching: filter).map(\.decisionID)
        guard !ids.isEmpty, !options.yes else { return ids }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.refused(
                "--all selects \(ids.count) \(Wording.listed) and standard input is not a terminal to confirm on: check them with `chaperone quarantine list --state \(Wording.stateForAll.rawValue)` and add --yes")
        }
        let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        FileHandle.standardError.write(Data("\(verb) \(ids.count) \(Wording.listed) (\(shown))? [y/N] ".utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else { throw CommandFailure.refused("not confirmed: nothing was done") }
        return ids
    }
}
