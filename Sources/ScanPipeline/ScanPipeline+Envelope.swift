import ChaperoneModel
import MIMEParser

extension ScanPipeline {
    /// The envelope `scan(message:sender:recipients:)` would use for a message file:
    /// the From, To, Cc and Bcc headers unless `sender` or `recipients` override them.
    /// Only the header block is parsed, so a caller can expand the recipients (I/O, at
    /// the edge) before scanning with `scan(message:envelope:)`.
    public func envelope(ofMessage message: [UInt8], sender: String? = nil, recipients: [String] = [],
                         authenticatedUser: String? = nil) -> Envelope {
        let headers = MessageParser.parse(Self.headerBlock(message, limit: configuration.limits.maxHeaderBytes), limits: configuration.limits).headers
        let written = ["To", "Cc", "Bcc"].flatMap { headers.addresses(named: $0).map(\.addrSpec) }
        return Envelope(
            sender: sender ?? headers.addresses(named: "From").first?.addrSpec ?? "",
            recipients: recipients.isEmpty ? written : recipients,
            authenticatedUser: authenticatedUser)
    }

    /// The bytes up to and including the blank line that ends the header block (at most
    /// `limit` bytes).
    static func headerBlock(_ message: [UInt8], limit: Int) -> [UInt8] {
        let end = min(message.count, limit)
        var index = 0
        while index < end {
            if message[index] == 10 {
                let next = index + 1
                if next < end, message[next] == 10 { return Array(message[...next]) }
                if next + 1 < end, message[next] == 13, message[next + 1] == 10 { return Array(message[...(next + 1)]) }
            }
            index += 1
        }
        return Array(message[..<end])
    }
}
