import ChaperoneModel
import MIMEParser

extension TextExtractor {
    /// Headers whose values people read: their decoded text becomes segments.
    static let proseHeaders = ["subject", "comments", "keywords", "thread-topic"]
    /// Address headers: their display names become segments (the addresses themselves are
    /// in `MessageContent`'s address lists).
    static let addressHeaders = ["from", "sender", "reply-to", "to", "cc", "bcc"]

    static func messageID(_ headers: MessageHeaders) -> String? {
        guard let value = headers.first(named: "Message-ID")?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: " \t<>")
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Headers a forwarding mailbox leaves, most telling first.
    static let forwardingHeaders = [
        "Resent-From", "Resent-Sender", "X-Forwarded-For", "X-MS-Exchange-Inbox-Rules-Loop", "Delivered-To", "X-Original-To",
    ]

    static let lowercasedForwardingHeaders = forwardingHeaders.map { $0.lowercased() }

    /// The addresses in `forwardingHeaders`, in that order, each once. `X-Forwarded-For`
    /// holds two bare addresses ("from to"), so whitespace separates addresses too.
    static func forwardingAddresses(_ headers: MessageHeaders) -> [String] {
        var seen = Set<String>()
        var found: [String] = []
        for name in lowercasedForwardingHeaders {
            for field in headers.fields where field.hasLowercasedName(name) {
                for word in field.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
                    let address = String(word).trimmingCharacters(in: "<>\"';").lowercased()
                    guard address.contains("@"), seen.insert(address).inserted else { continue }
                    found.append(address)
                }
            }
        }
        return found
    }

    /// `Auto-Submitted` other than `no`, or a delivery or disposition report.
    static func isAutoSubmitted(_ root: MIMEPart) -> Bool {
        if let value = root.headers["Auto-Submitted"]?.lowercased(), !value.isEmpty, !value.hasPrefix("no") {
            return true
        }
        return root.contentType.mimeType == "multipart/report"
    }

    func addHeaderSegments(_ part: MIMEPart, collector: inout SegmentCollector) {
        for field in part.headers.fields {
            let name = field.lowercasedName
            let text: String
            if Self.proseHeaders.contains(name) {
                text = field.decodedValue
            } else if Self.addressHeaders.contains(name) {
                text = AddressListParser.parse(field.value).compactMap(\.displayName).joined(separator: ", ")
            } else {
                continue
            }
            guard !text.isEmpty else { continue }
            let location = TextLocation(kind: .header, name: name, partPath: part.path)
            collector.add(TextSegment(location: location, text: text))
        }
    }
}

extension String {
    /// The string without leading and trailing characters from `set`. Trimmed by bytes
    /// when `set` is ASCII without CR or LF and the bytes beside the trimmed runs are
    /// ASCII (each trimmed byte is then a Character of its own); otherwise by Characters.
    func trimmingCharacters(in set: String) -> String {
        var text = self, set = set
        let trimmed: String? = set.withUTF8 { setBytes in
            guard UTF8Text.isASCII(setBytes), !setBytes.contains(0x0D), !setBytes.contains(0x0A) else { return nil }
            return text.withUTF8 { bytes in
                var start = 0, end = bytes.count
                while start < end, setBytes.contains(bytes[start]) { start += 1 }
                while end > start, setBytes.contains(bytes[end - 1]) { end -= 1 }
                guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
        return trimmed ?? trimmingCharactersByCharacter(in: set)
    }

    /// The Character rule `trimmingCharacters(in:)` keeps for other text.
    func trimmingCharactersByCharacter(in set: String) -> String {
        let skipped = Set(set)
        guard let first = firstIndex(where: { !skipped.contains($0) }),
              let last = lastIndex(where: { !skipped.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
