/// An error a command reports and exits on, with the status the contract gives it. The
/// text says what went wrong, where (the file, line or id) and how to fix it; the
/// command's name is prefixed when it is printed (see `CommandErrorReport`).
struct CommandFailure: Error, CustomStringConvertible, Sendable {
    var status: ExitStatus
    var description: String

    /// A bad argument or a missing, unreadable or invalid input.
    static func input(_ text: String) -> CommandFailure { CommandFailure(status: .usageOrInput, description: text) }

    /// An operation refused or failed, with nothing changed.
    static func refused(_ text: String) -> CommandFailure { CommandFailure(status: .refused, description: text) }
}
