import Foundation

/// The one JSON form of every `--json` output: JSON Lines (one compact object per line),
/// keys in snake_case and sorted, dates in ISO 8601 UTC, slashes unescaped. Types are
/// encoded as they are and their camelCase property names converted, so `decisionID`
/// becomes `decision_id` as `scan --json` already names it.
enum JSONLines {
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            return #"{"error":"the result could not be encoded as JSON"}"#
        }
    }

    /// Writes one object on one line to standard output.
    static func print(_ value: some Encodable) {
        FileHandle.standardOutput.write(Data((line(value) + "\n").utf8))
    }
}
