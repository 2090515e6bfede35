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

    public init(
        sender: String,
        recipients: [String],
        authenticatedUser: String? = nil,
        queueID: String? = nil,
        clientAddress: String? = nil
    ) {
        self.sender = sender
        self.recipients = recipients
        self.authenticatedUser = authenticatedUser
        self.queueID = queueID
        self.clientAddress = clientAddress
    }
}
