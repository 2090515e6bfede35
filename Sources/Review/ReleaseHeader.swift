import Foundation

/// The header a released copy carries: `X-Chaperone-Release: <decision id>`. Postfix
/// logs it as the copy is queued (`header_checks` INFO on the milter-free listener, see
/// deploy/postfix), so a release interrupted after the SMTP 250 — the copy accepted,
/// the outcome not yet recorded — can be recognised in the mail log on recovery.
public enum ReleaseHeader {
    public static let name = "X-Chaperone-Release"

    /// The copy to reinject: the release header first, then the stored message with
    /// every header named in `removing` (the trace header, say) and every earlier
    /// release header taken out of its header section (the body is left byte for byte).
    /// The stored copy is what Postfix handed the milter, before any header Chaperone
    /// adds; a sender's own forged trace or release header goes too.
    public static func releasedCopy(of raw: [UInt8], decisionID: String, removing names: [String]) -> [UInt8] {
        let unwanted = Set((names + [name]).map { Array($0.lowercased().utf8) })
        var output = Array("\(name): \(decisionID)\r\n".utf8)
        output.reserveCapacity(raw.count + output.count)
        var index = 0
        var dropping = false
        while index < raw.count {
            let lineEnd = raw[index...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? raw.count
            let line = raw[index..<lineEnd]
            if line.first == UInt8(ascii: "\r") || line.first == UInt8(ascii: "\n") {
                output += raw[index...]  // the blank line and the body, unchanged
                return output
            }
            let continues = line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t")
            if !continues { dropping = fieldName(line).map(unwanted.contains) ?? false }
            if !dropping { output += line }
            index = lineEnd
        }
        return output
    }

    /// True when `log` (a Postfix mail log) records a message carrying the release
    /// header of `decisionID`: the id followed by anything that cannot continue an id.
    public static func isLogged(decisionID: String, in log: Data) -> Bool {
        let needle = Data("\(name): \(decisionID)".utf8)
        var searchFrom = log.startIndex
        while let found = log.range(of: needle, in: searchFrom..<log.endIndex) {
            guard found.upperBound < log.endIndex else { return true }
            let next = log[found.upperBound]
            let continuesID = (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A)
                || (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "-") || next == UInt8(ascii: "_")
            if !continuesID { return true }
            searchFrom = found.upperBound
        }
        return false
    }

    /// The lowercased field name of a header line, nil when it is not `name:`.
    private static func fieldName(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var field = Array(line[line.startIndex..<colon])
        while field.last == UInt8(ascii: " ") || field.last == UInt8(ascii: "\t") { field.removeLast() }
        return field.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }
}
