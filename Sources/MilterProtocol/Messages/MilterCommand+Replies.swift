extension MilterCommand {
    /// Whether the filter answers this command, once `flags` were negotiated: every
    /// event but MACRO, ABORT, QUIT and option negotiation's own reply is answered,
    /// unless its no-reply flag (`SMFIP_NR_*`) was agreed. End of message always is.
    /// What an MTA (or a test or benchmark playing one) waits for after each command.
    public func expectsReply(under flags: MilterProtocolFlags) -> Bool {
        switch self {
        case .macros, .abort, .quit, .quitNewConnection, .optionNegotiation: false
        case .connect: !flags.contains(.noReplyConnect)
        case .helo: !flags.contains(.noReplyHelo)
        case .mail: !flags.contains(.noReplyMail)
        case .recipient: !flags.contains(.noReplyRecipient)
        case .data: !flags.contains(.noReplyData)
        case .header: !flags.contains(.noReplyHeader)
        case .endOfHeaders: !flags.contains(.noReplyEndOfHeaders)
        case .body: !flags.contains(.noReplyBody)
        case .unknown: !flags.contains(.noReplyUnknown)
        case .endOfMessage: true
        }
    }
}
