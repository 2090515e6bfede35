import ChaperoneModel
import Foundation
import RecipientExpansion
import ScanPipeline

/// Counts of what a scan run saw.
struct ScanTally: Sendable {
    var messages = 0
    var byAction: [Action: Int] = [:]
    var errors = 0
    /// Messages quarantined or rejected.
    var breaches: Int { (byAction[.quarantine] ?? 0) + (byAction[.reject] ?? 0) }

    /// Adds another tally's counts to this one (each worker keeps its own).
    mutating func add(_ other: ScanTally) {
        messages += other.messages
        errors += other.errors
        byAction.merge(other.byAction, uniquingKeysWith: +)
    }
}

/// Scans inputs on `jobs` cores and prints each result as soon as every input before it
/// has been printed: output is in input order and identical whatever `jobs` is, and it
/// streams (one slow message holds back only what comes after it). Each worker reads,
/// scans and renders its own output, so printing is only writing bytes (and, with
/// `--record`, committing the decision first); whichever worker finishes the next input
/// to print does the printing (`InOrderBoard`). At most `readAhead` inputs per worker are
/// read ahead of the next one to print, so thousands of messages never sit in memory at
/// once, yet one slow message (a long CSV list) does not leave the other cores idle.
struct ScanRunner: Sendable {
    /// Every school's pipeline (one in the single-school form).
    let pipeline: SchoolPipelines
    /// Expands recipients as the milter does, when expansion is configured.
    let expander: RecipientExpander?
    let from: String?
    let rcpt: [String]
    /// The SASL login, as Postfix's `{auth_authen}` would pass it.
    var authenticatedUser: String? = nil
    let jobs: Int

    /// Writes each decision into the configured store (`scan --record`); nil to record nothing.
    var recorder: ScanRecorder? = nil
    /// Reports progress on standard error (a terminal, a long run); nil for none.
    var progress: ScanProgress? = nil

    /// One scanned message: its report, the envelope it was judged on, and its bytes
    /// while they are needed (a quarantine copy to record).
    struct Scanned: Sendable {
        var report: ScanReport
        var envelope: Envelope
        var bytes: [UInt8]?
    }

    /// One scanned message (or unreadable input), rendered and ready to print.
    struct Outcome: Sendable {
        var name: String
        var scanned: Scanned?
        var printed: ScanPrinter.Rendered
    }

    /// Inputs each worker may be ahead of printing. A rendered result is a few KB to a few
    /// hundred; a CSV list costs as much as tens of short messages, so a short window
    /// would stall the other workers behind it.
    static let readAhead = 64

    func run(files: [(path: String, error: String?)], printer: ScanPrinter) async -> ScanTally {
        let board = InOrderBoard<[Outcome]>(inputs: files.count, window: jobs * Self.readAhead)
        let tally = await withTaskGroup(of: ScanTally.self) { group in
            for _ in 0..<min(jobs, max(files.count, 1)) {
                group.addTask { await work(files: files, board: board, printer: printer) }
            }
            return await group.reduce(into: ScanTally()) { $0.add($1) }
        }
        progress?.finish()
        return tally
    }

    /// One worker: claims the next input, scans and renders it, and leaves its outcomes
    /// on the board; then, unless another worker is printing, prints every outcome that
    /// is next in input order. A worker keeps going until no input is left, so a core
    /// never waits for a coordinator to hand it work, and no thread is woken per message.
    /// Returns the tally of what this worker printed.
    private func work(files: [(path: String, error: String?)], board: InOrderBoard<[Outcome]>,
                      printer: ScanPrinter) async -> ScanTally {
        var tally = ScanTally()
        while let index = await board.claim() {
            let outcomes = scan(file: files[index], printer: printer)
            guard board.deposit(outcomes, at: index) else { continue }
            while let (printed, ready) = board.nextInOrder() {
                for outcome in ready { await emit(outcome, printer: printer, tally: &tally) }
                progress?.update(done: printed + 1, of: files.count)
            }
        }
        return tally
    }

    /// Records (with `--record`) and prints one outcome; a decision that cannot be
    /// recorded is an error for that message, and its verdict is not printed.
    private func emit(_ outcome: Outcome, printer: ScanPrinter, tally: inout ScanTally) async {
        guard let scanned = outcome.scanned else {
            tally.errors += 1
            printer.write(outcome.printed)
            return
        }
        if let recorder {
            do {
                try await recorder.record(scanned, name: outcome.name)
            } catch {
                tally.errors += 1
                printer.write(printer.renderError(name: outcome.name, message: "not recorded in the store: \(error)"))
                return
            }
        }
        tally.messages += 1
        tally.byAction[scanned.report.action, default: 0] += 1
        printer.write(outcome.printed)
    }

    /// Reads one input (a message file or an mbox of several), scans and renders each message.
    private func scan(file: (path: String, error: String?), printer: ScanPrinter) -> [Outcome] {
        if let error = file.error {
            return [Outcome(name: file.path, scanned: nil, printed: printer.renderError(name: file.path, message: error))]
        }
        return ScanInputs.read(file.path).map { input in
            guard let bytes = input.bytes else {
                return Outcome(name: input.name, scanned: nil,
                               printed: printer.renderError(name: input.name, message: input.error ?? "unreadable"))
            }
            switch scan(bytes) {
            case .success(let scanned):
                return Outcome(name: input.name, scanned: scanned, printed: printer.render(name: input.name, report: scanned.report))
            case .failure(let failure):
                return Outcome(name: input.name, scanned: nil, printed: printer.renderError(name: input.name, message: failure.text))
            }
        }
    }

    /// A file or message that could not be scanned.
    struct Failure: Error { var text: String }

    /// Scans one message; with expansion, the envelope is expanded first and a failed
    /// lookup is this message's error (as the milter would apply its fail action).
    private func scan(_ bytes: [UInt8]) -> Result<Scanned, Failure> {
        // The envelope is worked out only when it is needed: to expand it, or to record it.
        let envelope = expander != nil || recorder != nil
            ? pipeline.envelope(ofMessage: bytes, sender: from, recipients: rcpt, authenticatedUser: authenticatedUser)
            : Envelope(sender: from ?? "", recipients: rcpt, authenticatedUser: authenticatedUser)
        func scanned(_ report: ScanReport, _ envelope: Envelope) -> Result<Scanned, Failure> {
            let keep = recorder != nil && report.action == .quarantine
            return .success(Scanned(report: report, envelope: envelope, bytes: keep ? bytes : nil))
        }
        guard let expander else {
            do {
                if from == nil, rcpt.isEmpty, authenticatedUser == nil { return scanned(try pipeline.scan(message: bytes), envelope) }
                return scanned(try pipeline.scan(message: bytes, sender: from, recipients: rcpt, authenticatedUser: authenticatedUser), envelope)
            } catch {
                return .failure(Failure(text: "\(error)"))
            }
        }
        let expanded: Envelope
        do {
            expanded = try expander.expand(envelope)
        } catch {
            return .failure(Failure(text: "recipients not expanded: \(error)"))
        }
        do {
            return scanned(try pipeline.scan(message: bytes, envelope: expanded), expanded)
        } catch {
            return .failure(Failure(text: "\(error)"))
        }
    }
}
