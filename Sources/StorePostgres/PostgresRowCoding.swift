import Foundation
import Store

/// Decision rows to and from PostgreSQL through one JSON object per row: written with
/// `jsonb_populate_record` and read with `to_jsonb`, so that the columns (named as in
/// SQLite) map onto `DecisionRow`'s fields by name and the JSON columns stay JSON.
/// Both stores therefore build and read a row with the same code (`DecisionRow`).
enum PostgresRowCoding {
    /// The decision table's columns, in insertion order (all but the serial id).
    static let decisionColumns = [
        "decisionID", "decidedAt", "queueID", "messageID", "sender", "authenticatedUser", "clientAddress",
        "envelopeRecipients", "recipients", "action", "sections", "rules", "governingSections", "findings", "problems",
        "explanation", "sizeBytes", "scanSeconds", "configVersion", "falsePositive", "senderRole", "senderIdentity",
        "duplicateOf", "parts", "school", "mailHost", "shadowAction", "shadowRules",
    ]

    /// `"decisionID", "decidedAt", …`
    static let quotedDecisionColumns = decisionColumns.map { "\"\($0)\"" }.joined(separator: ", ")

    static func encode(_ row: DecisionRow) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PostgresTimestamp.string(from: date))
        }
        return String(decoding: try encoder.encode(row), as: UTF8.self)
    }

    static func decodeDecision(_ json: String) throws -> DecisionRow {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = PostgresTimestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp")
            }
            return date
        }
        return try decoder.decode(DecisionRow.self, from: Data(json.utf8))
    }
}

/// Timestamps as PostgreSQL writes them in JSON (`2026-11-19T05:33:20.123+00:00`, the
/// fraction left out when zero) and as this store writes them (UTC, milliseconds: the
/// precision SQLite keeps, so both stores give back the same dates).
enum PostgresTimestamp {
    static func string(from date: Date) -> String {
        formatter(fractional: true).string(from: rounded(date))
    }

    /// `date` to the millisecond, as it is stored.
    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func date(from text: String) -> Date? {
        // PostgreSQL gives microseconds; the formatter reads at most milliseconds.
        var trimmed = text
        if let dot = text.firstIndex(of: "."),
           let zone = text[dot...].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) {
            let digits = text[text.index(after: dot)..<zone]
            trimmed = String(text[..<dot]) + "." + String(digits.prefix(3)).padding(toLength: 3, withPad: "0", startingAt: 0)
                + String(text[zone...])
        }
        return formatter(fractional: true).date(from: trimmed) ?? formatter(fractional: false).date(from: trimmed)
    }

    private static func formatter(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}

extension PostgresRowCoding {
    /// A quarantine status from the JSON object a listing selects.
    static func decodeQuarantineStatus(_ json: String) throws -> QuarantineStatus {
        struct Columns: Decodable {
            var state: String
            var queueID: String?
            var sizeBytes: Int
            var hasStoredCopy: Bool
            var reviewer: String?
            var reviewedAt: String?
            var reason: String?
        }
        let columns = try JSONDecoder().decode(Columns.self, from: Data(json.utf8))
        return QuarantineStatus(
            state: QuarantineState(rawValue: columns.state) ?? .held, queueID: columns.queueID, sizeBytes: columns.sizeBytes,
            hasStoredCopy: columns.hasStoredCopy, reviewer: columns.reviewer,
            reviewedAt: columns.reviewedAt.flatMap(PostgresTimestamp.date(from:)), reason: columns.reason)
    }
}
