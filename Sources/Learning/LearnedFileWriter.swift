import ChaperoneModel
import Foundation
import Policy

/// Writes accepted suggestions into `learned.yaml`: the text of the file with one entry
/// appended (`appending`), each entry commented with what it changes and why, and
/// checked by `LearnedFileLoader` before it is written. Pure: the caller does the I/O.
public enum LearnedFileWriter {
    /// The comment every learned file starts with.
    public static let header = """
        # learned.yaml: configuration changes that Chaperone suggested from reviewed holds
        # and a person accepted (chaperone suggest accept ID, or the web app's Suggestions
        # page). Loaded on top of the main configuration (learning.learned_file), checked
        # by chaperone check-config, applied by chaperone serve at start and on SIGHUP.
        # Each entry records who accepted it, when, and the evidence (decision ids; the
        # decisions are in the store). To undo one, delete its entry and reload.
        accepted:

        """

    /// Problems with the file as it stands, in words a technician can act on.
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `existing` (nil or blank: no file yet) with `suggestion` appended as accepted by
    /// `actor` at `date`. Throws when the result would not load (a hand edit broke it).
    public static func appending(
        _ suggestion: Suggestion, actor: String, at date: Date, to existing: String?, source: String
    ) throws -> String {
        let base = existing.map { text in text.split(whereSeparator: \.isNewline).allSatisfy(isBlankOrComment) ? "" : text } ?? ""
        var text = base.isEmpty ? header : (base.hasSuffix("\n") ? base : base + "\n")
        text += entry(for: suggestion, actor: actor, at: date)
        do {
            _ = try LearnedFileLoader.load(yaml: text, source: source)
        } catch {
            throw WriteError(description: "\(source) cannot take the new entry: \(error.description); fix the file (chaperone check-config reports it) and accept again")
        }
        return text
    }

    /// The entry's lines, two-space indented under `accepted:`.
    static func entry(for suggestion: Suggestion, actor: String, at date: Date) -> String {
        var lines = [
            "  # \(oneLine(suggestion.change))",
            "  # \(oneLine(suggestion.reason))",
            "  - suggestion: \(quoted(suggestion.id))",
            "    accepted_by: \(quoted(actor))",
            "    accepted_at: \(quoted(date.formatted(.iso8601)))",
            "    evidence: \(quoted(evidence(of: suggestion)))",
        ]
        switch suggestion.kind {
        case .partnerDomain: lines.append("    partner_domain: \(quoted(suggestion.key))")
        case .tagRule: lines += ["    rule: \(quoted(suggestion.key))", "    action: tag"]
        case .ignoreTerm: lines.append("    ignore_special_category_term: \(quoted(suggestion.key))")
        case .requireContext: lines.append("    context_required_pupil: \(quoted(suggestion.key))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Counts and the decision ids, by outcome.
    static func evidence(of suggestion: Suggestion) -> String {
        func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: " ") }
        return "false positive: \(list(suggestion.falsePositives)); released: \(list(suggestion.released)); confirmed: \(list(suggestion.confirmed))"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
