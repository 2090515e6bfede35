import ArgumentParser
import Foundation

/// The `chaperone` command: one subcommand per job.
@main
struct Chaperone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaperone",
        abstract: "Keeps pupils' personal data in outbound school mail where it belongs.",
        discussion: """
            Exit status: 0 success; 1 a breach was found (scan) or an operation was refused; 2 a usage \
            or input error (a bad argument, or a file, configuration, roster or database that is missing, \
            unreadable or invalid). With --json every output is JSON Lines with snake_case keys, and \
            errors are JSON on standard error. \
            Files: /etc/chaperone/chaperone.yaml, the configuration (chaperone config show prints it \
            with every default); /etc/chaperone/roster, the MIS exports; /var/lib/chaperone, the store \
            (decisions and the only copy of each quarantined message); /var/spool/chaperone, the spool. \
            Each command has its own page, e.g. chaperone.serve(1), chaperone.quarantine.release(1); \
            installing with Postfix: /usr/share/doc/chaperone/deploy/README.md.
            """,
        version: ChaperoneVersion.current,
        subcommands: [
            ServeCommand.self, ScanCommand.self, CheckConfigCommand.self, ConfigCommand.self, InspectCommand.self, RosterCommand.self,
            QuarantineCommand.self, LogCommand.self, ReportCommand.self, PurgeCommand.self, WebCommand.self, UserCommand.self,
            SuggestCommand.self, SimulateCommand.self,
        ]
    )

    /// Runs the chosen subcommand under the command-line contract (README): exit status
    /// 0 success, 1 a breach found or an operation refused, 2 usage or input error, and
    /// every error reported one way by `CommandErrorReport`. `--help` and `--version`
    /// print and exit 0 as ArgumentParser does; a command's own `ExitCode` is kept.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let report = CommandErrorReport(arguments: Array(CommandLine.arguments.dropFirst()))
            Foundation.exit(report.report(error).rawValue)
        }
    }
}
