import ChaperoneModel
import Foundation
import Policy
import ScanPipeline

/// Prints scan results: a short verdict per message (details with `--explain`), or
/// JSON Lines. Rendering (`render`, `renderError`) is pure and runs on the scanning
/// worker; `write` only copies the bytes out, in input order.
struct ScanPrinter: Sendable {
    let json: Bool
    let explain: Bool

    /// What one result prints: bytes for standard output and a line for standard error.
    struct Rendered: Sendable {
        var output: [UInt8] = []
        var error: String?
    }

    func render(name: String, report: ScanReport) -> Rendered {
        if json {
            var line = ScanReportJSON.lineBytes(file: name, report: report)
            line.append(UInt8(ascii: "\n"))
            return Rendered(output: line)
        }
        var lines: [String] = []
        let breached = report.sections.isEmpty ? "" : " §" + report.sections.map(\.rawValue).joined(separator: " §")
        // A tag breaches nothing: name the rule that tagged it instead.
        let sections = report.action == .tag && report.sections.isEmpty ? " [" + report.rules.joined(separator: ", ") + "]" : breached
        let recipients = report.recipients.map { "\($0.address) [\($0.recipientClass.rawValue)\($0.list.map { " via " + $0 } ?? "")]" }.joined(separator: ", ")
        let skipped = report.sender.scanned ? "" : " (not scanned)"
        lines.append("\(report.action.rawValue.uppercased())\(sections)\(skipped)  \(name)  → \(recipients)")
        if let shadow = report.shadow {
            let rules = shadow.rules.map { "\($0.rule): \($0.shadowAction.rawValue), live \($0.liveAction.rawValue)" }.joined(separator: "; ")
            lines.append("    shadow: would \(shadow.action.rawValue.uppercased()) (\(rules))")
        }
        if explain {
            let rules = report.sender.rules == report.sender.role ? "" : ", \(report.sender.rules.rawValue) rules"
            lines.append("    sender: \(report.sender.role.rawValue)\(rules): \(report.sender.reason)")
            for finding in report.findings {
                let breachedText = finding.sections.isEmpty ? "" : " §" + finding.sections.map(\.rawValue).joined(separator: " §")
                let sectionText = breachedText + (finding.rules.isEmpty ? "" : " [" + finding.rules.joined(separator: ", ") + "]")
                lines.append("    \(finding.detector.rawValue) \(finding.evidence) at \(finding.location) (\(Int((finding.confidence * 100).rounded()))%)\(sectionText)")
            }
            for problem in report.problems { lines.append("    problem: \(problem)") }
            if !report.explanation.isEmpty {
                lines.append(report.explanation.split(separator: "\n", omittingEmptySubsequences: false).map { "    | \($0)" }.joined(separator: "\n"))
            }
        }
        return Rendered(output: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A file or message that could not be scanned: on standard error, as JSON with `--json`.
    func renderError(name: String, message: String) -> Rendered {
        let line = json
            ? JSONLines.line(CommandErrorReport.FileErrorLine(command: "chaperone scan", error: message, file: name))
            : "chaperone scan: \(name): \(message)"
        return Rendered(error: line + "\n")
    }

    func write(_ rendered: Rendered) {
        if !rendered.output.isEmpty { FileHandle.standardOutput.write(Data(rendered.output)) }
        if let error = rendered.error { FileHandle.standardError.write(Data(error.utf8)) }
    }

    func summary(_ tally: ScanTally) {
        let parts = Action.allCases.map { "\(tally.byAction[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        FileHandle.standardOutput.write(Data("\(tally.messages) messages: \(parts)\(tally.errors > 0 ? ", \(tally.errors) errors" : "")\n".utf8))
    }
}
