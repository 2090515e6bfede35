import MilterProtocol

extension MilterOptions {
    /// What Chaperone asks Postfix for. It decides only at end of message, so it skips
    /// HELO and unknown commands and answers none of the envelope and header events
    /// (the `NR_*` flags halve the round trips). BODY chunks are answered, so each reply
    /// waits until the chunk is safely spooled (back-pressure) and SKIP can stop a message
    /// that is already over `max_message_bytes`. `HDR_LEADSPC` makes header values arrive
    /// byte for byte, so the quarantined copy is the message as sent.
    ///
    /// Macros: the client and daemon at CONNECT, the SASL login at MAIL, and the queue id
    /// where Postfix knows it (DATA and end of message).
    public static let chaperone = MilterOptions(
        actions: [.addHeaders, .changeHeaders, .quarantine, .setMacroList],
        protocolFlags: [
            .noHelo, .noUnknown,
            .noReplyConnect, .noReplyMail, .noReplyRecipient, .noReplyData,
            .noReplyHeader, .noReplyEndOfHeaders,
            .skip, .headerLeadingSpace,
        ],
        macroRequests: [
            MilterMacroRequest(stage: .connect, names: ["j", "{daemon_name}", "{client_addr}", "_"]),
            MilterMacroRequest(stage: .mail, names: ["i", "{auth_type}", "{auth_authen}"]),
            MilterMacroRequest(stage: .data, names: ["i"]),
            MilterMacroRequest(stage: .endOfMessage, names: ["i"]),
        ]
    )
}
