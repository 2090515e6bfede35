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
}

/// Scans inputs on `jobs` cores and prints each result as soon as every input before it
/// has been printed: output is in input order and identical whatever `jobs` is, and it
/// streams (one slow message holds back only what comes after it). Each worker reads,
/// scans and renders its own output, so printing is only writing bytes. At most
/// `window` inputs are read ahead of the next one to print, so thousands of messages
/// never sit in memory at once.
struct ScanRunner: Sendable {
    let pipeline: ScanPipeline
    /// Expands recipients as the milter does, when expansion is configured.
    let expander: RecipientExpander?
    let from: String?
    let rcpt: [String]
    /// The SASL login, as Postfix's `{auth_authen}` would pass it.
    var authenticatedUser: String? = nil
    let jobs: Int

    /// One scanned message (or unreadable input), rendered and ready to print.
    struct Outcome: Sendable {
        var action: Action?
        var printed: ScanPrinter.Rendered
    }

    func run(files: [(path: String, error: String?)], printer: ScanPrinter) async -> ScanTally {
        var tally = ScanTally()
        let window = max(jobs * 8, 16)
        await withTaskGroup(of: (Int, [Outcome]).self) { group in
            var finished: [Int: [Outcome]] = [:]
            var nextToStart = 0, nextToPrint = 0, running = 0
            func start() {
                while running < jobs, nextToStart < files.count, nextToStart < nextToPrint + window {
                    let index = nextToStart, file = files[index]
                    group.addTask { (index, scan(file: file, printer: printer)) }
                    nextToStart += 1
                    running += 1
                }
            }
            start()
            while let (index, outcomes) = await group.next() {
                running -= 1
                finished[index] = outcomes
                while let ready = finished.removeValue(forKey: nextToPrint) {
                    for outcome in ready {
                        if let action = outcome.action {
                            tally.messages += 1
                            tally.byAction[action, default: 0] += 1
                        } else {
                            tally.errors += 1
                        }
                        printer.write(outcome.printed)
                    }
                    nextToPrint += 1
                }
                start()
            }
        }
        return tally
    }

    /// Reads one input (a message file or an mbox of several), scans and renders each message.
    private func scan(file: (path: String, error: String?), printer: ScanPrinter) -> [Outcome] {
        if let error = file.error { return [Outcome(action: nil, printed: printer.renderError(name: file.path, message: error))] }
        return ScanInputs.read(file.path).map { input in
            guard let bytes = input.bytes else {
                return Outcome(action: nil, printed: printer.renderError(name: input.name, message: input.error ?? "unreadable"))
            }
            switch scan(bytes) {
            case .success(let report): return Outcome(action: report.action, printed: printer.render(name: input.name, report: report))
            case .failure(let failure): return Outcome(action: nil, printed: printer.renderError(name: input.name, message: failure.text))
            }
        }
    }

    /// A file or message that could not be scanned.
    struct Failure: Error { var text: String }

    /// Scans one message; with expansion, the envelope is expanded first and a failed
    /// lookup is this message's error (as the milter would apply its fail action).
    private func scan(_ bytes: [UInt8]) -> Result<ScanReport, Failure> {
        guard let expander else {
            if from == nil, rcpt.isEmpty, authenticatedUser == nil { return .success(pipeline.scan(message: bytes)) }
            return .success(pipeline.scan(message: bytes, sender: from, recipients: rcpt, authenticatedUser: authenticatedUser))
        }
        let envelope = pipeline.envelope(ofMessage: bytes, sender: from, recipients: rcpt, authenticatedUser: authenticatedUser)
        do {
            return .success(pipeline.scan(message: bytes, envelope: try expander.expand(envelope)))
        } catch {
            return .failure(Failure(text: "recipients not expanded: \(error)"))
        }
    }
}
