import NIOCore

extension MilterCommand {
    /// The command byte (`SMFIC_*`) of this command on the wire.
    public var code: UInt8 {
        switch self {
        case .optionNegotiation: UInt8(ascii: "O")
        case .macros: UInt8(ascii: "D")
        case .connect: UInt8(ascii: "C")
        case .helo: UInt8(ascii: "H")
        case .mail: UInt8(ascii: "M")
        case .recipient: UInt8(ascii: "R")
        case .data: UInt8(ascii: "T")
        case .header: UInt8(ascii: "L")
        case .endOfHeaders: UInt8(ascii: "N")
        case .body: UInt8(ascii: "B")
        case .endOfMessage: UInt8(ascii: "E")
        case .abort: UInt8(ascii: "A")
        case .quit: UInt8(ascii: "Q")
        case .quitNewConnection: UInt8(ascii: "K")
        case .unknown: UInt8(ascii: "U")
        }
    }
}

extension ByteBuffer {
    /// Reads one command frame, or nil when more bytes are needed.
    public mutating func readMilterCommand(maximumFrameLength: Int) throws(MilterProtocolError) -> MilterCommand? {
        guard let frame = try self.readMilterFrame(maximumLength: maximumFrameLength) else {
            return nil
        }
        var payload = frame.payload
        return try payload.readMilterCommandPayload(code: frame.code)
    }

    private mutating func readMilterCommandPayload(code: UInt8) throws(MilterProtocolError) -> MilterCommand {
        switch code {
        case UInt8(ascii: "O"): return .optionNegotiation(try self.readMilterOptions(code: code))
        case UInt8(ascii: "D"): return try self.readMilterMacros(code: code)
        case UInt8(ascii: "C"): return .connect(try self.readMilterClientInfo(code: code))
        case UInt8(ascii: "H"): return .helo(try self.readMilterString(code: code))
        case UInt8(ascii: "M"):
            let list = try self.readMilterStringList(code: code)
            guard let sender = list.first else { throw .malformedPayload(code: code, reason: "no sender") }
            return .mail(sender: sender, arguments: Array(list.dropFirst()))
        case UInt8(ascii: "R"):
            let list = try self.readMilterStringList(code: code)
            guard let recipient = list.first else { throw .malformedPayload(code: code, reason: "no recipient") }
            return .recipient(recipient, arguments: Array(list.dropFirst()))
        case UInt8(ascii: "T"): return .data
        case UInt8(ascii: "L"):
            let name = try self.readMilterString(code: code)
            return .header(name: name, value: try self.readMilterCString(code: code))
        case UInt8(ascii: "N"): return .endOfHeaders
        case UInt8(ascii: "B"): return .body(self)
        case UInt8(ascii: "E"): return .endOfMessage(finalChunk: self)
        case UInt8(ascii: "A"): return .abort
        case UInt8(ascii: "Q"): return .quit
        case UInt8(ascii: "K"): return .quitNewConnection
        case UInt8(ascii: "U"): return .unknown(try self.readMilterString(code: code))
        default: throw .unknownCode(code)
        }
    }

    private mutating func readMilterMacros(code: UInt8) throws(MilterProtocolError) -> MilterCommand {
        guard let forCommand = self.readInteger(as: UInt8.self) else {
            throw .malformedPayload(code: code, reason: "no command code")
        }
        let strings = try self.readMilterStringList(code: code)
        guard strings.count.isMultiple(of: 2) else {
            throw .malformedPayload(code: code, reason: "macro name without a value")
        }
        let macros = stride(from: 0, to: strings.count, by: 2).map {
            MilterMacro(name: strings[$0], value: strings[$0 + 1])
        }
        return .macros(forCommand: forCommand, macros)
    }

    private mutating func readMilterClientInfo(code: UInt8) throws(MilterProtocolError) -> MilterClientInfo {
        let hostname = try self.readMilterString(code: code)
        guard let rawFamily = self.readInteger(as: UInt8.self) else {
            throw .malformedPayload(code: code, reason: "no address family")
        }
        guard let family = MilterAddressFamily(rawValue: rawFamily) else {
            throw .malformedPayload(code: code, reason: "unknown address family \(rawFamily)")
        }
        if family == .unknown { return MilterClientInfo(hostname: hostname, family: family) }
        guard let port = self.readInteger(as: UInt16.self) else {
            throw .malformedPayload(code: code, reason: "no port")
        }
        return MilterClientInfo(
            hostname: hostname, family: family, port: port, address: try self.readMilterString(code: code))
    }

    /// Writes one command frame (the MTA side; used by test clients and benchmarks).
    public mutating func writeMilterCommand(_ command: MilterCommand) {
        self.writeMilterFrame(code: command.code) { buffer in
            switch command {
            case .optionNegotiation(let options): buffer.writeMilterOptions(options)
            case .macros(let forCommand, let macros):
                buffer.writeInteger(forCommand)
                for macro in macros {
                    buffer.writeMilterCString(macro.name)
                    buffer.writeMilterCString(macro.value)
                }
            case .connect(let client):
                buffer.writeMilterCString(client.hostname)
                buffer.writeInteger(client.family.rawValue)
                if client.family != .unknown {
                    buffer.writeInteger(client.port)
                    buffer.writeMilterCString(client.address)
                }
            case .helo(let name), .unknown(let name): buffer.writeMilterCString(name)
            case .mail(let first, let arguments), .recipient(let first, let arguments):
                for string in [first] + arguments { buffer.writeMilterCString(string) }
            case .header(let name, let value):
                buffer.writeMilterCString(name)
                buffer.writeMilterCString(value)
            case .body(let chunk), .endOfMessage(let chunk):
                buffer.writeImmutableBuffer(chunk)
            case .data, .endOfHeaders, .abort, .quit, .quitNewConnection:
                break
            }
        }
    }
}
