import Foundation

/// Reads `--since` values: a span back from now (`30d`, `12h`, `45m`, `2w`) or an ISO
/// date (`2026-11-01`, midnight UTC) or date-time (`2026-11-01T08:30:00Z`).
public enum SinceExpression {
    public static func date(from text: String, now: Date = Date()) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let amount = Int(trimmed.dropLast()), amount >= 0 {
            let seconds: Double? = switch unit {
            case "m": 60
            case "h": 3_600
            case "d": 86_400
            case "w": 604_800
            default: nil
            }
            if let seconds { return now.addingTimeInterval(-Double(amount) * seconds) }
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        throw StoreError.badSince(text)
    }
}
