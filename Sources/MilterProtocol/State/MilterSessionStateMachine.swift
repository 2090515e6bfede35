/// The filter's side of one milter connection as a value: which commands are allowed in
/// which phase, what must be answered, and the envelope and macros gathered so far.
/// It does no I/O; the channel handler feeds it commands and carries out its actions.
///
/// Phases: `awaitingNegotiation` → `idle` ⇄ (`envelope` → `headers` → `body` →
/// `deciding`) → `closed`. ABORT returns to `idle` from any message phase.
public struct MilterSessionStateMachine: Sendable {
    enum Phase: String, Sendable {
        case awaitingNegotiation = "before option negotiation"
        case idle = "between messages"
        case envelope = "in the envelope"
        case headers = "in the header block"
        case body = "in the body"
        case deciding = "while the filter decides"
        case closed = "after QUIT"
    }

    /// What the filter asks for; cut down to the MTA's offer at negotiation.
    public let wanted: MilterOptions
    /// The options in force once OPTNEG has been answered.
    public internal(set) var negotiated: MilterOptions?
    var phase: Phase = .awaitingNegotiation
    var client: MilterClientInfo?
    var connectionMacros: [String: String] = [:]
    var messageMacros: [String: String] = [:]
    var message: MilterMessageInfo?

    public init(wanted: MilterOptions) {
        self.wanted = wanted
    }

    /// True when the MTA sends header values with their leading space and takes ours verbatim.
    public var headerLeadingSpace: Bool {
        self.negotiated?.protocolFlags.contains(.headerLeadingSpace) ?? false
    }

    /// True when a BODY chunk may be answered with SKIP.
    public var canSkipBody: Bool {
        self.negotiated?.protocolFlags.contains(.skip) ?? false
    }

    /// True while a message is being received or decided.
    public var isInMessage: Bool {
        switch self.phase {
        case .envelope, .headers, .body, .deciding: true
        case .awaitingNegotiation, .idle, .closed: false
        }
    }

    func expectsReply(unless flag: MilterProtocolFlags) -> Bool {
        !(self.negotiated?.protocolFlags.contains(flag) ?? false)
    }

    func unexpected(_ command: MilterCommand) -> MilterProtocolError {
        .unexpectedCommand(code: command.code, phase: self.phase.rawValue)
    }
}
