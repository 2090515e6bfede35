import ArgumentParser

/// The `chaperone` command: one subcommand per job.
@main
struct Chaperone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaperone",
        abstract: "Keeps pupils' personal data in outbound school mail where it belongs.",
        subcommands: [
            ServeCommand.self, ScanCommand.self, CheckConfigCommand.self, InspectCommand.self, RosterCommand.self,
            QuarantineCommand.self, LogCommand.self, ReportCommand.self, PurgeCommand.self,
        ]
    )
}
