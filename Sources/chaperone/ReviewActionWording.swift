/// How a command that acts on one held message words its `--reason` and `--reviewer`
/// help, so the shared `ReviewActionOptions` read right under each command.
protocol ReviewActionWording {
    /// The whole `--reason` help: "Why it is deleted (recorded in the audit trail)."
    static var reasonHelp: String { get }
    /// What the reviewer is doing, for the `--reviewer` help: "deleting", "releasing".
    static var reviewerDoing: String { get }
}
