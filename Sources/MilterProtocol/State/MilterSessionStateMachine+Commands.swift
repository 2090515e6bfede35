import NIOCore

extension MilterSessionStateMachine {
    /// Feeds one command and returns what to do. A thrown error means the peer broke the
    /// protocol: reply TEMPFAIL if a message is open, then close the connection.
    public mutating func receive(_ command: MilterCommand) throws(MilterProtocolError) -> MilterSessionAction {
        switch command {
        case .optionNegotiation(let offered):
            guard self.phase == .awaitingNegotiation else { throw self.unexpected(command) }
            let options = try MilterOptions.negotiate(offered: offered, wanted: self.wanted)
            self.negotiated = options
            self.phase = .idle
            return .reply(.optionNegotiation(options))
        case .macros(let forCommand, let macros):
            try self.requireNegotiated(command)
            self.storeMacros(macros, forCommand: forCommand)
            return .none
        case .connect(let client):
            try self.requirePhase([.idle], command)
            self.client = client
            return self.continueUnless(.noReplyConnect)
        case .helo:
            try self.requirePhase([.idle], command)
            return self.continueUnless(.noReplyHelo)
        case .unknown:
            try self.requirePhase([.idle, .envelope], command)
            return self.continueUnless(.noReplyUnknown)
        case .mail(let sender, let arguments):
            try self.requirePhase([.idle], command)
            self.message = MilterMessageInfo(sender: sender, senderArguments: arguments, client: self.client)
            self.phase = .envelope
            return .startMessage(replyExpected: self.expectsReply(unless: .noReplyMail))
        case .recipient(let recipient, _):
            try self.requirePhase([.envelope], command)
            self.message?.recipients.append(recipient)
            return self.continueUnless(.noReplyRecipient)
        case .data:
            try self.requirePhase([.envelope], command)
            self.phase = .headers
            return self.continueUnless(.noReplyData)
        case .header(let name, let value):
            try self.requirePhase([.envelope, .headers], command)
            self.phase = .headers
            return .appendHeader(name: name, value: value, replyExpected: self.expectsReply(unless: .noReplyHeader))
        case .endOfHeaders:
            try self.requirePhase([.envelope, .headers], command)
            self.phase = .body
            return .endHeaders(replyExpected: self.expectsReply(unless: .noReplyEndOfHeaders))
        case .body(let chunk):
            try self.requirePhase([.body], command)
            return .appendBody(chunk, replyExpected: self.expectsReply(unless: .noReplyBody))
        case .endOfMessage(let finalChunk):
            try self.requirePhase([.envelope, .headers, .body], command)
            guard var info = self.message else { throw self.unexpected(command) }
            info.macros = self.connectionMacros.merging(self.messageMacros) { _, new in new }
            self.phase = .deciding
            return .decide(info, finalChunk: finalChunk)
        case .abort:
            try self.requireNegotiated(command)
            let hadMessage = self.isInMessage
            self.resetMessage()
            return hadMessage ? .abortMessage : .none
        case .quit, .quitNewConnection:
            self.resetMessage()
            self.phase = .closed
            return .close
        }
    }

    /// The end-of-message replies have been sent: the next message may start.
    public mutating func decisionSent() {
        switch self.phase {
        case .deciding:
            self.resetMessage()
        case .awaitingNegotiation, .idle, .envelope, .headers, .body, .closed:
            break
        }
    }

    private mutating func resetMessage() {
        self.message = nil
        self.messageMacros = [:]
        switch self.phase {
        case .envelope, .headers, .body, .deciding:
            self.phase = .idle
        case .awaitingNegotiation, .idle, .closed:
            break
        }
    }

    private mutating func storeMacros(_ macros: [MilterMacro], forCommand: UInt8) {
        let connectionLevel = forCommand == UInt8(ascii: "C") || forCommand == UInt8(ascii: "H")
        for macro in macros {
            if connectionLevel {
                self.connectionMacros[macro.bareName] = macro.value
            } else {
                self.messageMacros[macro.bareName] = macro.value
            }
        }
    }

    private func continueUnless(_ flag: MilterProtocolFlags) -> MilterSessionAction {
        self.expectsReply(unless: flag) ? .reply(.continue) : .none
    }

    private func requireNegotiated(_ command: MilterCommand) throws(MilterProtocolError) {
        switch self.phase {
        case .awaitingNegotiation, .closed: throw self.unexpected(command)
        case .idle, .envelope, .headers, .body, .deciding: return
        }
    }

    private func requirePhase(_ allowed: [Phase], _ command: MilterCommand) throws(MilterProtocolError) {
        guard allowed.contains(self.phase) else { throw self.unexpected(command) }
    }
}
