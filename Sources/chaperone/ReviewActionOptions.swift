import ArgumentParser
import Foundation
import Review
import Store

/// The store options, the decision ids (or `-` for ids on standard input, or `--all`
/// with the list filters), `--reason`, `--reviewer`, `--yes` and `--json`: taken by
/// every command that acts on held messages (`release`, `delete`, `false-positive`,
/// `recover`); the help is worded by `Wording`. The work is done by `ReviewBatch`.
struct ReviewActionOptions<Wording: ReviewActionWording>: ParsableArguments {
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "Decision ids (CH-…); `-` reads further ids from standard input, one per line.") var ids: [String] = []
    @Flag(help: "Act on every \(Wording.stateForAll.rawValue) message the filters select (--since, --section, --sender, --role, at most --limit); asks first unless --yes.")
    var all = false
    @Flag(help: "With --all, act without asking.") var yes = false
    @Option(help: ArgumentHelp(Wording.reasonHelp)) var reason: String
    @Option(help: "Who is \(Wording.reviewerDoing) it, recorded with the real user running the command (default: that user).") var reviewer: String?
    @OptionGroup var filter: DecisionFilterOptions<Wording>

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must not be empty") }
        if all, !ids.isEmpty { throw ValidationError("give decision ids or --all, not both") }
        if !all, ids.isEmpty { throw ValidationError("give a decision id (CH-…), `-` to read ids from standard input, or --all") }
        if yes, !all { throw ValidationError("--yes goes only with --all") }
        let filtered = filter.since != nil || filter.section != nil || filter.sender != nil || filter.role != nil
        if filtered, !all { throw ValidationError("--since, --section, --sender and --role select messages only with --all") }
    }

    /// Who is acting: the real user, with `--reviewer` if given (see `ReviewerIdentity`).
    var actingReviewer: String { QuarantineCommand.reviewer(reviewer) }

    /// The ids named on the command line, `-` replaced by the lines of standard input
    /// (blank lines and `#` comments skipped), without repeats, in order.
    func namedIDs(readLine: () -> String? = { Swift.readLine() }) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        func add(_ id: String) {
            let trimmed = id.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), seen.insert(trimmed).inserted else { return }
            result.append(trimmed)
        }
        for id in ids {
            guard id == "-" else { add(id); continue }
            while let line = readLine() { add(line) }
        }
        return result
    }
}
