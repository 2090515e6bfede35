import ArgumentParser
import ChaperoneModel
import Foundation
import ScanPipeline

/// `chaperone scan`: runs the same pipeline as the milter over message files, a
/// directory of them or an mbox, so a technician can try Chaperone on real mail
/// before it goes in the mail path, or check a complaint afterwards.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan message files, directories or mboxes and print each verdict.",
        discussion: "Exit status: 0 when every message is accepted or tagged, 1 when any breach is found, 2 on errors."
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

    @Option(name: .long, help: "Messages scanned at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Argument(help: "Message files (.eml), directories of them, or mbox files.")
    var paths: [String]

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard !paths.isEmpty else { throw ValidationError("give at least one message file, directory or mbox") }
    }

    func run() async throws {
        let loaded: RuntimeLoader.Loaded
        do {
            loaded = try RuntimeLoader(options: runtime).load()
        } catch {
            FileHandle.standardError.write(Data("chaperone scan: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let printer = ScanPrinter(json: json, explain: explain)
        let runner = ScanRunner(pipeline: loaded.pipeline, expander: loaded.expander, from: from, rcpt: rcpt,
                                authenticatedUser: auth, jobs: jobs)
        let tally = await runner.run(files: ScanInputs(paths: paths).files(), printer: printer)
        if !json { printer.summary(tally) }
        if tally.errors > 0 { throw ExitCode(2) }
        if tally.breaches > 0 { throw ExitCode(1) }
    }
}
