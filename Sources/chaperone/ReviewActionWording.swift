import Store

/// How a command that acts on held messages words its `--reason` and `--reviewer`
/// help and what `--all` selects, so the shared `ReviewActionOptions` read right
/// under each command.
protocol ReviewActionWording: DecisionFilterWording {
    /// The whole `--reason` help: "Why it is deleted (recorded in the audit trail)."
    static var reasonHelp: String { get }
    /// What the reviewer is doing, for the `--reviewer` help: "deleting", "releasing".
    static var reviewerDoing: String { get }
    /// The state of the messages `--all` acts on (held, or a release stopped half way).
    static var stateForAll: QuarantineState { get }
}

extension ReviewActionWording {
    static var listed: String { "\(stateForAll.rawValue) messages" }
    static var listedSince: String { "\(stateForAll.rawValue) messages decided" }
    static var stateForAll: QuarantineState { .held }
}
