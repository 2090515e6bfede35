/// The SMTP envelope of a message and what the MTA told us about its submission.
public struct Envelope: Codable, Hashable, Sendable {
    /// MAIL FROM, without angle brackets; empty for the null sender (bounces).
    public var sender: String
    /// RCPT TO addresses, without angle brackets, in order.
    public var recipients: [String]
    /// SASL login name (`{auth_authen}`) when the sender authenticated.
    public var authenticatedUser: String?
    /// Postfix queue id (`{i}`), when known.
    public var queueID: String?
    /// Client IP address as the MTA saw it.
    public var clientAddress: String?
    /// The recipients as Postfix will deliver to them, when aliases and lists were
    /// expanded (nil when they were not looked up).
    public var expansion: RecipientExpansion?

    public init(
        sender: String,
        recipients: [String],
        authenticatedUser: String? = nil,
        queueID: String? = nil,
        clientAddress: String? = nil,
        expansion: RecipientExpansion? = nil
    ) {
        self.sender = sender
        self.recipients = recipients
        self.authenticatedUser = authenticatedUser
        self.queueID = queueID
        self.clientAddress = clientAddress
        self.expansion = expansion
    }

    /// The addresses policy judges: the expanded ones when known, else the envelope's.
    public var judgedRecipients: [ExpandedRecipient] {
        expansion?.recipients ?? recipients.map { ExpandedRecipient(address: $0) }
    }
}
