import ArgumentParser
import Review

/// The store options, the decision `ID`, `--reason` and `--reviewer`: taken by every
/// command that acts on one held message (`release`, `delete`, `false-positive`); the
/// help is worded by `Wording`.
struct ReviewActionOptions<Wording: ReviewActionWording>: ParsableArguments {
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The decision id (CH-…).") var id: String
    @Option(help: ArgumentHelp(Wording.reasonHelp)) var reason: String
    @Option(help: "Who is \(Wording.reviewerDoing) it, recorded with the real user running the command (default: that user).") var reviewer: String?

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must not be empty") }
    }

    /// Who is acting: the real user, with `--reviewer` if given (see `ReviewerIdentity`).
    var actingReviewer: String { QuarantineCommand.reviewer(reviewer) }

    /// The review workflow for the configuration and database these options name.
    func workflow() throws -> ReviewWorkflow {
        try QuarantineCommand.workflow(store: store, configuration: store.loadedConfiguration())
    }
}
