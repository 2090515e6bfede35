import MilterProtocol
import NIOCore

/// Every command and response Chaperone handles, with realistic payloads (as Postfix 3.7
/// sends them), shared by the codec tests.
enum MilterSamples {
    static let postfixOffer = MilterOptions(
        actions: MilterActionFlags(rawValue: 0x1FF),
        protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF)
    )

    static let commands: [MilterCommand] = [
        .optionNegotiation(postfixOffer),
        .macros(forCommand: UInt8(ascii: "C"), [
            MilterMacro(name: "j", value: "mx.school.example"),
            MilterMacro(name: "{daemon_name}", value: "mx.school.example"),
            MilterMacro(name: "_", value: "unknown [127.0.0.1]"),
        ]),
        .macros(forCommand: UInt8(ascii: "H"), []),
        .connect(MilterClientInfo(hostname: "localhost", family: .inet, port: 40122, address: "127.0.0.1")),
        .connect(MilterClientInfo(hostname: "ipv6.example", family: .inet6, port: 25, address: "::1")),
        .connect(MilterClientInfo(hostname: "unknown", family: .unknown)),
        .helo("client.school.example"),
        .mail(sender: "<teacher@school.example>", arguments: ["BODY=8BITMIME", "SIZE=1234"]),
        .recipient("<parent@example.net>", arguments: []),
        .data,
        .header(name: "Subject", value: Array(" Trip\n  letter".utf8)),
        .header(name: "X-Empty", value: []),
        .endOfHeaders,
        .body(ByteBuffer(string: "Dear parent,\r\nSee you soon.\r\n")),
        .endOfMessage(finalChunk: ByteBuffer()),
        .abort,
        .unknown("XFOO bar"),
        .quitNewConnection,
        .quit,
    ]

    static let responses: [MilterResponse] = [
        .optionNegotiation(MilterOptions(
            actions: [.addHeaders, .changeHeaders, .quarantine, .setMacroList],
            protocolFlags: [.noHelo, .noReplyConnect, .headerLeadingSpace],
            macroRequests: [
                MilterMacroRequest(stage: .connect, names: ["{daemon_name}", "{client_addr}", "_"]),
                MilterMacroRequest(stage: .endOfMessage, names: ["i"]),
            ]
        )),
        .continue, .accept, .reject, .discard, .tempfail, .progress, .skip,
        .replyCode("550-5.7.1 Not sent.\r\n550 5.7.1 Decision CH-1"),
        .addHeader(name: "X-Chaperone", value: " accept; id=CH-1"),
        .insertHeader(index: 0, name: "X-First", value: "v"),
        .changeHeader(index: 1, name: "Subject", value: " [SENSITIVE] Trip"),
        .quarantine(reason: "Chaperone CH-1: sections 7.2"),
    ]

    static func frame(code: UInt8, payload: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(payload.count + 1))
        buffer.writeInteger(code)
        buffer.writeBytes(payload)
        return buffer
    }
}
