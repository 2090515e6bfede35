/// The message a connection is receiving: the snapshot it started under, its bytes, and
/// its Subject (for a subject prefix), and how many To and Cc headers it has (for a
/// recipient rewrite, whose CHGHEADER indexes count each name's occurrences).
struct MessageInProgress {
    let snapshot: MilterSnapshot
    let spool: MessageSpool
    var subject: DecisionReplies.OriginalSubject = .absent
    var recipientHeaders = DecisionReplies.RecipientHeaderCounts()

    /// Re-creates the header line as sent (`Name:value` with `HDR_LEADSPC`, else
    /// `Name: value`), turning Postfix's LF folds back into CRLF.
    mutating func appendHeader(name: String, value: [UInt8], leadingSpace: Bool) {
        var line = Array(name.utf8)
        line.append(UInt8(ascii: ":"))
        if !leadingSpace { line.append(UInt8(ascii: " ")) }
        var previous: UInt8 = 0
        for byte in value {
            if byte == 0x0A, previous != 0x0D { line.append(0x0D) }
            line.append(byte)
            previous = byte
        }
        line += [0x0D, 0x0A]
        self.spool.append(line)
        let lowered = name.lowercased()
        if lowered == "to" { self.recipientHeaders.to += 1 }
        if lowered == "cc" { self.recipientHeaders.cc += 1 }
        if case .absent = self.subject, lowered == "subject" {
            self.subject = Self.unfoldedSubject(value, leadingSpace: leadingSpace)
        }
    }

    private static func unfoldedSubject(_ value: [UInt8], leadingSpace: Bool) -> DecisionReplies.OriginalSubject {
        var bytes = value.filter { $0 != 0x0D && $0 != 0x0A }
        if leadingSpace, bytes.first == 0x20 { bytes.removeFirst() }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .unreadable }
        return .text(text)
    }
}
