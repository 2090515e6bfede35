import ArgumentParser

/// `chaperone roster …`: work with the school's roster files.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Check the roster (MIS CSV exports, DfE CTF XML and the staff list).",
        subcommands: [RosterCheckCommand.self]
    )
}
