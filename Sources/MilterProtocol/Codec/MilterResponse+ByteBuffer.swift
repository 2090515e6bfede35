import NIOCore

extension MilterResponse {
    /// The reply byte (`SMFIR_*`) of this response on the wire.
    public var code: UInt8 {
        switch self {
        case .optionNegotiation: UInt8(ascii: "O")
        case .continue: UInt8(ascii: "c")
        case .accept: UInt8(ascii: "a")
        case .reject: UInt8(ascii: "r")
        case .discard: UInt8(ascii: "d")
        case .tempfail: UInt8(ascii: "t")
        case .replyCode: UInt8(ascii: "y")
        case .addHeader: UInt8(ascii: "h")
        case .insertHeader: UInt8(ascii: "i")
        case .changeHeader: UInt8(ascii: "m")
        case .quarantine: UInt8(ascii: "q")
        case .progress: UInt8(ascii: "p")
        case .skip: UInt8(ascii: "s")
        }
    }
}

extension ByteBuffer {
    /// Writes one response frame.
    public mutating func writeMilterResponse(_ response: MilterResponse) {
        self.writeMilterFrame(code: response.code) { buffer in
            switch response {
            case .optionNegotiation(let options): buffer.writeMilterOptions(options)
            case .replyCode(let text), .quarantine(let text): buffer.writeMilterCString(text)
            case .addHeader(let name, let value):
                buffer.writeMilterCString(name)
                buffer.writeMilterCString(value)
            case .insertHeader(let index, let name, let value), .changeHeader(let index, let name, let value):
                buffer.writeInteger(index)
                buffer.writeMilterCString(name)
                buffer.writeMilterCString(value)
            case .continue, .accept, .reject, .discard, .tempfail, .progress, .skip:
                break
            }
        }
    }

    /// Reads one response frame (the MTA side), or nil when more bytes are needed.
    public mutating func readMilterResponse(maximumFrameLength: Int) throws(MilterProtocolError) -> MilterResponse? {
        guard let frame = try self.readMilterFrame(maximumLength: maximumFrameLength) else {
            return nil
        }
        var payload = frame.payload
        return try payload.readMilterResponsePayload(code: frame.code)
    }

    private mutating func readMilterResponsePayload(code: UInt8) throws(MilterProtocolError) -> MilterResponse {
        switch code {
        case UInt8(ascii: "O"): return .optionNegotiation(try self.readMilterOptions(code: code))
        case UInt8(ascii: "c"): return .continue
        case UInt8(ascii: "a"): return .accept
        case UInt8(ascii: "r"): return .reject
        case UInt8(ascii: "d"): return .discard
        case UInt8(ascii: "t"): return .tempfail
        case UInt8(ascii: "p"): return .progress
        case UInt8(ascii: "s"): return .skip
        case UInt8(ascii: "y"): return .replyCode(try self.readMilterString(code: code))
        case UInt8(ascii: "q"): return .quarantine(reason: try self.readMilterString(code: code))
        case UInt8(ascii: "h"):
            let name = try self.readMilterString(code: code)
            return .addHeader(name: name, value: try self.readMilterString(code: code))
        case UInt8(ascii: "i"), UInt8(ascii: "m"):
            let index = try self.readMilterUInt32(code: code)
            let name = try self.readMilterString(code: code)
            let value = try self.readMilterString(code: code)
            return code == UInt8(ascii: "i")
                ? .insertHeader(index: index, name: name, value: value)
                : .changeHeader(index: index, name: name, value: value)
        default: throw .unknownCode(code)
        }
    }
}
