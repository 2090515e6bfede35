/// The exit statuses every `chaperone` command keeps (README, "The command-line contract").
enum ExitStatus: Int32, Sendable {
    /// Done: every message accepted or tagged, the file valid, the operation carried out.
    case success = 0
    /// A breach was found (`scan`), or the operation was refused or failed with nothing
    /// changed (a message not held, a release Postfix did not take, a confirmation declined).
    case refused = 1
    /// Usage or input error: a bad argument, or a file, configuration, roster or database
    /// that is missing, unreadable or invalid.
    case usageOrInput = 2
}
