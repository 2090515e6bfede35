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

/// Scans inputs on every core while printing results in input order. Files are read a
/// window at a time so thousands of messages never sit in memory at once.
struct ScanRunner: Sendable {
    let pipeline: ScanPipeline
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

    func run(files: [(path: String, error: String?)], printer: ScanPrinter) async -> ScanTally {
        var tally = ScanTally()
        let window = max(jobs * 8, 16)
        var start = 0
        while start < files.count {
            let batch = files[start..<min(start + window, files.count)]
            start += batch.count
            let results = await scanBatch(Array(batch))
            for (name, outcome) in results {
                switch outcome {
                case .success(let scanned):
                    let report = scanned.report
                    if let recorder {
                        do {
                            try await recorder.record(scanned, name: name)
                        } catch {
                            tally.errors += 1
                            printer.printError(name: name, message: "not recorded in the store: \(error)")
                            continue
                        }
                    }
                    tally.messages += 1
                    tally.byAction[report.action, default: 0] += 1
                    printer.print(name: name, report: report)
                case .failure(let message):
                    tally.errors += 1
                    printer.printError(name: name, message: message.text)
                }
            }
            progress?.update(done: start, of: files.count)
        }
        progress?.finish()
        return tally
    }

    /// A file or message that could not be scanned.
    struct Failure: Error { var text: String }

    private func scanBatch(_ batch: [(path: String, error: String?)]) async -> [(String, Result<Scanned, Failure>)] {
        await withTaskGroup(of: (Int, [(String, Result<Scanned, Failure>)]).self) { group in
            var collected: [Int: [(String, Result<Scanned, Failure>)]] = [:]
            var next = 0
            func add(_ index: Int) {
                let file = batch[index]
                group.addTask {
                    if let error = file.error { return (index, [(file.path, .failure(Failure(text: error)))]) }
                    return (index, ScanInputs.read(file.path).map { input in
                        guard let bytes = input.bytes else {
                            return (input.name, .failure(Failure(text: input.error ?? "unreadable")))
                        }
                        return (input.name, scan(bytes))
                    })
                }
            }
            while next < min(jobs, batch.count) { add(next); next += 1 }
            while let (index, result) = await group.next() {
                collected[index] = result
                if next < batch.count { add(next); next += 1 }
            }
            return (0..<batch.count).flatMap { collected[$0] ?? [] }
        }
    }

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
            if from == nil, rcpt.isEmpty, authenticatedUser == nil { return scanned(pipeline.scan(message: bytes), envelope) }
            return scanned(pipeline.scan(message: bytes, sender: from, recipients: rcpt, authenticatedUser: authenticatedUser), envelope)
        }
        do {
            let expanded = try expander.expand(envelope)
            return scanned(pipeline.scan(message: bytes, envelope: expanded), expanded)
        } catch {
            return .failure(Failure(text: "recipients not expanded: \(error)"))
        }
    }
}
