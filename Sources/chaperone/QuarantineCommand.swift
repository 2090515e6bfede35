import ArgumentParser

/// `chaperone quarantine`: review held messages.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List, inspect, release or delete quarantined messages.",
        subcommands: [
            QuarantineList.self, QuarantineShow.self, QuarantineRelease.self, QuarantineDelete.self,
            QuarantineFalsePositive.self, QuarantineRecover.self,
        ]
    )
}
