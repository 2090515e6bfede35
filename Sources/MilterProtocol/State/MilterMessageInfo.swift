/// What the session knows about the current message when it ends: the envelope as the
/// MTA gave it and the macros of the connection and of the message.
public struct MilterMessageInfo: Hashable, Sendable {
    /// MAIL FROM as sent (`<a@b>` on the SMTP path, bare from `sendmail`).
    public var sender: String
    public var senderArguments: [String]
    /// RCPT TO values as sent, in order.
    public var recipients: [String]
    /// The CONNECT command's description of the client, when it was sent.
    public var client: MilterClientInfo?
    /// Macros by bare name (`i`, `auth_authen`), connection-level ones first and the
    /// message's own on top.
    public var macros: [String: String]

    public init(
        sender: String,
        senderArguments: [String] = [],
        recipients: [String] = [],
        client: MilterClientInfo? = nil,
        macros: [String: String] = [:]
    ) {
        self.sender = sender
        self.senderArguments = senderArguments
        self.recipients = recipients
        self.client = client
        self.macros = macros
    }

    /// A macro's value by name, with or without braces.
    public func macro(_ name: String) -> String? {
        self.macros[MilterMacro(name: name, value: "").bareName]
    }
}
