import MilterProtocol
import NIOCore
import Testing

@Suite struct MilterSessionStateMachineTests {
    static let wanted = MilterOptions(
        actions: [.addHeaders, .changeHeaders, .quarantine, .setMacroList],
        protocolFlags: [.noHelo, .noUnknown, .noReplyConnect, .noReplyMail, .noReplyRecipient, .noReplyData,
                        .noReplyHeader, .noReplyEndOfHeaders, .skip, .headerLeadingSpace],
        macroRequests: [MilterMacroRequest(stage: .endOfMessage, names: ["i"])]
    )

    private func negotiated() throws -> MilterSessionStateMachine {
        var machine = MilterSessionStateMachine(wanted: Self.wanted)
        _ = try machine.receive(.optionNegotiation(MilterSamples.postfixOffer))
        return machine
    }

    @Test func negotiationRepliesWithWhatWasWantedAndOffered() throws {
        var machine = MilterSessionStateMachine(wanted: Self.wanted)
        let action = try machine.receive(.optionNegotiation(MilterSamples.postfixOffer))
        #expect(action == .reply(.optionNegotiation(Self.wanted)))
        #expect(machine.headerLeadingSpace)
        #expect(machine.canSkipBody)
    }

    @Test func macroListsAreDroppedWhenSetSymListIsNotOffered() throws {
        var machine = MilterSessionStateMachine(wanted: Self.wanted)
        var offer = MilterSamples.postfixOffer
        offer.actions = [.addHeaders, .changeHeaders, .quarantine]
        offer.protocolFlags = [.noHelo]
        let action = try machine.receive(.optionNegotiation(offer))
        #expect(action == .reply(.optionNegotiation(MilterOptions(
            actions: [.addHeaders, .changeHeaders, .quarantine], protocolFlags: [.noHelo]))))
        #expect(try machine.receive(.connect(MilterClientInfo(hostname: "h", family: .unknown))) == .reply(.continue))
    }

    @Test func oldVersionsAndMissingActionsAreRefused() {
        var machine = MilterSessionStateMachine(wanted: Self.wanted)
        #expect(throws: MilterProtocolError.unsupportedVersion(offered: 2, required: 6)) {
            try machine.receive(.optionNegotiation(MilterOptions(version: 2, actions: [.addHeaders], protocolFlags: [])))
        }
        #expect(throws: MilterProtocolError.actionsNotOffered(wanted: 0x31, offered: 0x1)) {
            try machine.receive(.optionNegotiation(MilterOptions(actions: [.addHeaders], protocolFlags: [])))
        }
    }

    @Test func aWholeMessageYieldsEnvelopeAndMacrosAtTheEnd() throws {
        var machine = try self.negotiated()
        #expect(try machine.receive(.macros(forCommand: UInt8(ascii: "C"), [MilterMacro(name: "{daemon_name}", value: "mx")])) == .none)
        let client = MilterClientInfo(hostname: "localhost", family: .inet, port: 5, address: "127.0.0.1")
        #expect(try machine.receive(.connect(client)) == .none)
        _ = try machine.receive(.macros(forCommand: UInt8(ascii: "M"), [MilterMacro(name: "{auth_authen}", value: "jsmith")]))
        #expect(try machine.receive(.mail(sender: "<t@school.example>", arguments: [])) == .startMessage(replyExpected: false))
        #expect(try machine.receive(.recipient("<a@x.example>", arguments: [])) == .none)
        #expect(try machine.receive(.recipient("<b@x.example>", arguments: [])) == .none)
        #expect(try machine.receive(.data) == .none)
        _ = try machine.receive(.macros(forCommand: UInt8(ascii: "L"), [MilterMacro(name: "i", value: "4AbC")]))
        #expect(try machine.receive(.header(name: "Subject", value: [0x20, 0x68])) ==
            .appendHeader(name: "Subject", value: [0x20, 0x68], replyExpected: false))
        #expect(try machine.receive(.endOfHeaders) == .endHeaders(replyExpected: false))
        let chunk = ByteBuffer(string: "hi\r\n")
        #expect(try machine.receive(.body(chunk)) == .appendBody(chunk, replyExpected: true))
        let expected = MilterMessageInfo(
            sender: "<t@school.example>", recipients: ["<a@x.example>", "<b@x.example>"], client: client,
            macros: ["daemon_name": "mx", "auth_authen": "jsmith", "i": "4AbC"])
        #expect(try machine.receive(.endOfMessage(finalChunk: ByteBuffer())) == .decide(expected, finalChunk: ByteBuffer()))
        #expect(expected.macro("{auth_authen}") == "jsmith")
        machine.decisionSent()
        #expect(!machine.isInMessage)
    }

    @Test func severalMessagesPerConnectionAndAbortResetsTheMessage() throws {
        var machine = try self.negotiated()
        _ = try machine.receive(.macros(forCommand: UInt8(ascii: "M"), [MilterMacro(name: "i", value: "Q1")]))
        _ = try machine.receive(.mail(sender: "<a@s>", arguments: []))
        _ = try machine.receive(.recipient("<r1@x>", arguments: []))
        #expect(try machine.receive(.abort) == .abortMessage)
        #expect(!machine.isInMessage)
        #expect(try machine.receive(.abort) == .none)
        _ = try machine.receive(.mail(sender: "<b@s>", arguments: []))
        _ = try machine.receive(.recipient("<r2@x>", arguments: []))
        guard case .decide(let info, _) = try machine.receive(.endOfMessage(finalChunk: ByteBuffer())) else {
            Issue.record("expected a decision")
            return
        }
        #expect(info.sender == "<b@s>")
        #expect(info.recipients == ["<r2@x>"])
        #expect(info.macro("i") == nil)
    }

    static let outOfOrder: [[MilterCommand]] = [
        [MilterCommand.mail(sender: "<a>", arguments: []), .helo("x")],
        [.mail(sender: "<a>", arguments: []), .mail(sender: "<b>", arguments: [])],
        [.recipient("<a>", arguments: [])],
        [.body(ByteBuffer(string: "x"))],
        [.mail(sender: "<a>", arguments: []), .data, .endOfHeaders, .header(name: "A", value: [])],
        [.mail(sender: "<a>", arguments: []), .data, .recipient("<b>", arguments: [])],
        [.optionNegotiation(MilterSamples.postfixOffer)],
        [.quit, .data],
    ]

    @Test(arguments: MilterSessionStateMachineTests.outOfOrder)
    func outOfOrderCommandsAreProtocolErrors(commands: [MilterCommand]) throws {
        var machine = try self.negotiated()
        #expect(throws: MilterProtocolError.self) {
            for command in commands { _ = try machine.receive(command) }
        }
    }

    @Test func nothingButNegotiationIsAllowedFirst() {
        var machine = MilterSessionStateMachine(wanted: Self.wanted)
        #expect(throws: MilterProtocolError.unexpectedCommand(code: UInt8(ascii: "M"), phase: "before option negotiation")) {
            try machine.receive(.mail(sender: "<a>", arguments: []))
        }
    }
}
