import MilterProtocol

extension MilterOptions {
    /// What Chaperone asks Postfix for: no HELO and no unknown commands (it has no use
    /// for them), header values with their leading space (`HDR_LEADSPC`, so the
    /// quarantined copy is the message byte for byte), SKIP (to stop the body of a message
    /// already over `max_message_bytes`), and the modifications it makes at end of message.
    ///
    /// It asks for the `NR_*` no-reply flags of every event before the body (CONNECT,
    /// MAIL, RCPT, DATA, each header, end of headers): it acts only at end of message, and
    /// a CONTINUE for each of them cost Postfix a loopback round trip it waited on. With
    /// no reply to wait for, Postfix writes those small events back to back, and Nagle's
    /// algorithm on its side would hold each until the previous one is acknowledged,
    /// which Linux delays by up to 40 ms: `QuickAcknowledgementHandler` makes our side
    /// acknowledge at once, so they flow without stalling. BODY is still answered: each
    /// reply waits until the chunk is spooled, which is Postfix's back-pressure.
    ///
    /// Macros: the client and daemon at CONNECT, the SASL login at MAIL, and the queue id
    /// where Postfix knows it (DATA and end of message).
    public static let chaperone = MilterOptions(
        actions: [.addHeaders, .changeHeaders, .quarantine, .setMacroList],
        protocolFlags: [.noHelo, .noUnknown, .skip, .headerLeadingSpace,
                        .noReplyConnect, .noReplyMail, .noReplyRecipient, .noReplyData, .noReplyHeader, .noReplyEndOfHeaders],
        macroRequests: [
            MilterMacroRequest(stage: .connect, names: ["j", "{daemon_name}", "{client_addr}", "_"]),
            MilterMacroRequest(stage: .mail, names: ["i", "{auth_type}", "{auth_authen}"]),
            MilterMacroRequest(stage: .data, names: ["i"]),
            MilterMacroRequest(stage: .endOfMessage, names: ["i"]),
        ]
    )
}
