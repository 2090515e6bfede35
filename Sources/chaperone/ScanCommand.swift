import ArgumentParser
import ChaperoneModel
import Foundation
import ScanPipeline
import Store

/// `chaperone scan`: runs the same pipeline as the milter over message files, a
/// directory of them or an mbox, so a technician can try Chaperone on real mail
/// before it goes in the mail path, or check a complaint afterwards.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan message files, directories or mboxes and print each verdict.",
        discussion: """
            Exit status: 0 when every message is accepted or tagged, 1 when any breach is found, \
            2 when a file could not be read or yielded no message (the others are still scanned).
            """
    )

    @OptionGroup var runtime: RuntimeOptions

    @Option(name: .long, help: "Envelope sender (default: the message's From header).")
    var from: String?

    @Option(name: .long, help: "Envelope recipient; repeatable (default: the To, Cc and Bcc headers).")
    var rcpt: [String] = []

    @Option(name: .long, help: "Authenticated (SASL) login, as Postfix's {auth_authen} passes it (default: none).")
    var auth: String?

    @Flag(name: .long, help: "Print one JSON object per message (JSON Lines).")
    var json = false

    @Flag(name: .long, help: "Print the findings and the explanation under each verdict.")
    var explain = false

    @Flag(name: .long, help: ArgumentHelp(
        "Record each decision (and each quarantined message's copy) in the configured store, as the milter would.",
        discussion: "The database is store.database from --config, or --database; it is created if missing."))
    var record = false

    @Option(name: .long, help: "With --record, the SQLite database (overrides store.database).")
    var database: String?

    @Option(name: .long, help: "Messages scanned at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Argument(help: "Message files (.eml), directories of them, or mbox files.")
    var paths: [String]

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard !paths.isEmpty else { throw ValidationError("give at least one message file, directory or mbox") }
        if database != nil, !record { throw ValidationError("--database goes only with --record") }
    }

    func run() async throws {
        let loaded: RuntimeLoader.Loaded
        do {
            loaded = try RuntimeLoader(options: runtime).load()
        } catch {
            throw CommandFailure.input("\(error)")
        }
        let printer = ScanPrinter(json: json, explain: explain)
        var runner = ScanRunner(pipeline: loaded.pipelines, expander: loaded.expander, from: from, rcpt: rcpt,
                                authenticatedUser: auth, jobs: jobs)
        if record {
            let path = database ?? loaded.configuration.store.database
            do {
                runner.recorder = ScanRecorder(database: try AppDatabase(path: path), configVersion: loaded.pipelines.version)
            } catch {
                throw CommandFailure.input("cannot open the store \(path) to record decisions: \(error)")
            }
        }
        let files = ScanInputs(paths: paths).files()
        runner.progress = ScanProgress.make(files: files.count)
        let tally = await runner.run(files: files, printer: printer)
        if !json { printer.summary(tally) }
        if record, !json { print("decisions recorded in \(database ?? loaded.configuration.store.database)") }
        if tally.errors > 0 { throw ExitCode(ExitStatus.usageOrInput.rawValue) }
        if tally.breaches > 0 { throw ExitCode(ExitStatus.refused.rawValue) }
    }
}
