import ArgumentParser
import Foundation

/// The `chaperone` command: one subcommand per job.
@main
struct Chaperone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaperone",
        abstract: "Keeps pupils' personal data in outbound school mail where it belongs.",
        subcommands: [
            ServeCommand.self, ScanCommand.self, CheckConfigCommand.self, InspectCommand.self, RosterCommand.self,
            QuarantineCommand.self, LogCommand.self, ReportCommand.self, PurgeCommand.self, WebCommand.self, UserCommand.self,
        ]
    )

    /// Runs the chosen subcommand. A usage error (an unknown flag, a bad value) exits
    /// with status 2, as `scan` documents and as scripts expect of mail tools, rather
    /// than ArgumentParser's 64; every other status is the command's own.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
