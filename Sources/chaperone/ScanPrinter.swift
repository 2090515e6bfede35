import ChaperoneModel
import Foundation
import Policy
import ScanPipeline

/// Prints scan results: a short verdict per message (details with `--explain`), or
/// JSON Lines.
struct ScanPrinter: Sendable {
    let json: Bool
    let explain: Bool

    func print(name: String, report: ScanReport) {
        if json {
            write(ScanReportJSON(file: name, report: report).jsonLine())
            return
        }
        let breached = report.sections.isEmpty ? "" : " §" + report.sections.map(\.rawValue).joined(separator: " §")
        // A tag breaches nothing: name the rule that tagged it instead.
        let sections = report.action == .tag && report.sections.isEmpty ? " [" + report.rules.joined(separator: ", ") + "]" : breached
        let recipients = report.recipients.map { "\($0.address) [\($0.recipientClass.rawValue)\($0.list.map { " via " + $0 } ?? "")]" }.joined(separator: ", ")
        let skipped = report.sender.scanned ? "" : " (not scanned)"
        write("\(report.action.rawValue.uppercased())\(sections)\(skipped)  \(name)  → \(recipients)")
        guard explain else { return }
        let rules = report.sender.rules == report.sender.role ? "" : ", \(report.sender.rules.rawValue) rules"
        write("    sender: \(report.sender.role.rawValue)\(rules): \(report.sender.reason)")
        for finding in report.findings {
            let breachedText = finding.sections.isEmpty ? "" : " §" + finding.sections.map(\.rawValue).joined(separator: " §")
            let sectionText = breachedText + (finding.rules.isEmpty ? "" : " [" + finding.rules.joined(separator: ", ") + "]")
            write("    \(finding.detector.rawValue) \(finding.evidence) at \(finding.location) (\(Int((finding.confidence * 100).rounded()))%)\(sectionText)")
        }
        for problem in report.problems { write("    problem: \(problem)") }
        if !report.explanation.isEmpty {
            write(report.explanation.split(separator: "\n", omittingEmptySubsequences: false).map { "    | \($0)" }.joined(separator: "\n"))
        }
    }

    /// A file or message that could not be scanned: on standard error, as JSON with `--json`.
    func printError(name: String, message: String) {
        let line = json
            ? JSONLines.line(CommandErrorReport.FileErrorLine(command: "chaperone scan", error: message, file: name))
            : "chaperone scan: \(name): \(message)"
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func summary(_ tally: ScanTally) {
        let parts = Action.allCases.map { "\(tally.byAction[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        write("\(tally.messages) messages: \(parts)" + (tally.errors > 0 ? ", \(tally.errors) errors" : ""))
    }

    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
