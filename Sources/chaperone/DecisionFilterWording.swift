/// How a command that lists decisions names what it lists, so the help of the shared
/// `DecisionFilterOptions` reads right under each command.
protocol DecisionFilterWording {
    /// What the command lists: "decisions", "messages".
    static var listed: String { get }
    /// What `--since` is measured on: "decisions", "messages decided".
    static var listedSince: String { get }
}
