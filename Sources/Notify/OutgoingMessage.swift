/// A message ready for SMTP: its envelope and its exact bytes (CRLF or LF line ends;
/// dot-stuffing is done on the way out).
public struct OutgoingMessage: Hashable, Sendable {
    /// MAIL FROM; empty for the null sender `<>` (used for auto-replies, RFC 3834).
    public var envelopeSender: String
    /// RCPT TO addresses, in order.
    public var recipients: [String]
    public var data: [UInt8]

    public init(envelopeSender: String, recipients: [String], data: [UInt8]) {
        self.envelopeSender = envelopeSender
        self.recipients = recipients
        self.data = data
    }
}
