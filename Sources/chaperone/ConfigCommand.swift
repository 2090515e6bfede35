import ArgumentParser

/// `chaperone config …`: the configuration as Chaperone reads it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration.",
        subcommands: [ConfigShowCommand.self]
    )
}
