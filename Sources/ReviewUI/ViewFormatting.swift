import ChaperoneModel
import Foundation
import Review
import Store

/// How values read on a page: times in UTC, sections with their headings, recipients
/// with their classes. Shared by every page so that they agree.
enum ViewFormatting {
    /// `2026-11-24 09:30 UTC`.
    static func time(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return day(date) + " " + twoDigits(secondOfDay / 3_600) + ":" + twoDigits(secondOfDay % 3_600 / 60) + " UTC"
    }

    /// The UTC day, `2026-11-24` (as SQLite's `strftime('%Y-%m-%d')` writes it).
    static func day(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(year) + "-" + twoDigits(month) + "-" + twoDigits(dayOfMonth)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    static func sections(_ sections: [Section]) -> String {
        sections.isEmpty ? "—" : sections.map { "§\($0.rawValue) \($0.title)" }.joined(separator: "; ")
    }

    static func sender(_ record: DecisionRecord) -> String {
        record.envelope.sender.isEmpty ? "<>" : record.envelope.sender
    }

    /// The recipients as recorded (pupils' and parents' addresses redacted) with their classes.
    static func recipients(_ record: DecisionRecord) -> String {
        let recipients = record.report.recipients
        guard !recipients.isEmpty else { return "\(record.envelope.recipients.count) recipient(s)" }
        let shown = recipients.prefix(3).map { "\($0.address) (\($0.recipientClass.rawValue))" }
        let more = recipients.count > 3 ? " and \(recipients.count - 3) more" : ""
        return shown.joined(separator: ", ") + more
    }

    /// A size for people: `812 B`, `14.2 KiB`, `3.1 MiB`.
    static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KiB", Double(count) / 1024) }
        return String(format: "%.1f MiB", Double(count) / (1024 * 1024))
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7_200 { return String(format: "%.0f min", seconds / 60) }
        if seconds < 172_800 { return String(format: "%.1f h", seconds / 3_600) }
        return String(format: "%.1f days", seconds / 86_400)
    }

    /// One row of the quarantine and log tables.
    static func row(_ decision: StoredDecision) -> [String: Any] {
        let record = decision.record
        return [
            "id": decision.decisionID,
            "decided": time(record.decidedAt),
            "action": record.report.action.rawValue,
            "falsePositive": decision.falsePositive,
            "state": decision.quarantine?.state.rawValue ?? "—",
            "sections": sections(record.report.sections),
            "sender": sender(record),
            "role": record.report.sender.role.rawValue,
            "recipients": recipients(record),
            "findings": record.report.findings.count,
            "size": "\(record.report.sizeBytes / 1024 + 1) KB",
        ]
    }
}
