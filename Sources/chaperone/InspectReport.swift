import ChaperoneModel
import Foundation
import MIMEParser

/// Formats what `chaperone inspect` shows: a readable tree or JSON.
enum InspectReport {
    static func text(_ message: ParsedMessage, content: MessageContent?, name: String) -> String {
        let parts = message.root.allParts
        var out = "\(name): \(message.size) bytes, \(parts.count) part\(parts.count == 1 ? "" : "s")\n"
        for part in parts {
            out += String(repeating: "  ", count: part.depth) + describe(part)
            if let content { out += "  → " + reading(part, content: content) }
            out += "\n"
        }
        let problems = content?.problems ?? message.problems
        out += problems.isEmpty ? "no problems\n" : "problems:\n"
        for problem in problems { out += "  - \(problem)\n" }
        guard let content else { return out }
        out += "addresses: from \(content.fromAddresses) to \(content.toAddresses) cc \(content.ccAddresses) bcc \(content.bccAddresses)\n"
        out += "segments:\n"
        for segment in content.segments {
            var label = "[\(segment.location)] \(segment.role.rawValue)"
            if segment.location.kind == .header, segment.location.partPath != "0" { label += " in part \(segment.location.partPath)" }
            if let table = segment.table, let row = segment.row { label += " table \(table) row \(row)" }
            out += "  \(label)\n"
            for line in segment.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "    | \(line.replacingOccurrences(of: "\t", with: " ⇥ "))\n"
            }
        }
        return out
    }

    /// What was done with a part: read as message text, read as an attachment (and
    /// what it turned out to be), treated as media, allow-listed, or unscannable and why.
    static func reading(_ part: MIMEPart, content: MessageContent) -> String {
        guard let attachment = content.attachments.first(where: { $0.partPath == part.path }) else {
            return part.isLeaf ? "read (message text)" : "container"
        }
        let detected = attachment.detectedType.map { " as \($0)" } ?? ""
        switch attachment.handling {
        case .read: return "read" + detected + (attachment.archiveMembers.isEmpty ? "" : ", \(attachment.archiveMembers.count) member(s)")
        case .media: return "media" + detected + " (not read for text)"
        case .textless: return "carries no text (attachments.textless_types)"
        case .program: return "program" + detected + " (not read; flagged as an executable)"
        case .unscannable:
            let members = attachment.archiveMembers.isEmpty ? "" : " (partly read, \(attachment.archiveMembers.count) member(s))"
            return "UNSCANNABLE: " + (attachment.unreadReason ?? "unreadable") + detected + members
        case nil: return part.isLeaf ? "not read" : "enclosed message (its parts below)"
        }
    }

    static func describe(_ part: MIMEPart) -> String {
        var fields = [part.path, part.contentType.mimeType]
        if let charset = part.charset { fields.append("charset=\(charset)") }
        if part.isLeaf {
            fields.append(part.transferEncoding.description)
            fields.append("\(part.encodedSize)→\(part.body.count) bytes")
        }
        if let disposition = part.disposition?.kind { fields.append(disposition) }
        if let filename = part.filename { fields.append("\"\(filename)\"") }
        return fields.joined(separator: "  ")
    }

    /// What `inspect --json` prints on one line: `{"message": …, "content": …}`
    /// (`content` only with `--text`).
    struct JSONDocument: Encodable {
        var message: MessageSummary
        var content: MessageContent?
    }
}
