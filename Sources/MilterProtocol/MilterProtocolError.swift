/// Everything that can go wrong speaking milter. Each case carries the offending values;
/// `description` says what happened and what to check.
public enum MilterProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A frame's length field is larger than `max_milter_frame_bytes`.
    case frameTooLarge(length: Int, limit: Int)
    /// A frame's length field is zero (there must be at least a command byte).
    case emptyFrame
    /// The connection ended inside a frame.
    case truncatedFrame(bufferedBytes: Int)
    /// A command or response byte this implementation does not know.
    case unknownCode(UInt8)
    /// A payload that does not have the layout its code requires.
    case malformedPayload(code: UInt8, reason: String)
    /// A command that is not allowed in the session's current phase.
    case unexpectedCommand(code: UInt8, phase: String)
    /// The MTA offered a protocol version older than 6.
    case unsupportedVersion(offered: UInt32, required: UInt32)
    /// The MTA did not offer a modification action the filter needs.
    case actionsNotOffered(wanted: UInt32, offered: UInt32)

    public var description: String {
        switch self {
        case .frameTooLarge(let length, let limit):
            "milter frame of \(length) bytes exceeds max_milter_frame_bytes (\(limit)); raise the limit or check the peer"
        case .emptyFrame:
            "milter frame with length 0 (a frame needs at least a command byte); the peer is not speaking milter"
        case .truncatedFrame(let buffered):
            "connection closed inside a milter frame (\(buffered) bytes buffered)"
        case .unknownCode(let code):
            "unknown milter code \(MilterProtocolError.show(code)); the peer speaks another protocol version"
        case .malformedPayload(let code, let reason):
            "malformed \(MilterProtocolError.show(code)) packet: \(reason)"
        case .unexpectedCommand(let code, let phase):
            "milter command \(MilterProtocolError.show(code)) is not allowed \(phase)"
        case .unsupportedVersion(let offered, let required):
            "MTA offered milter protocol version \(offered); Chaperone needs \(required) (set milter_protocol = 6)"
        case .actionsNotOffered(let wanted, let offered):
            "MTA offered milter actions 0x\(String(offered, radix: 16)) but Chaperone needs 0x\(String(wanted, radix: 16))"
        }
    }

    static func show(_ code: UInt8) -> String {
        (0x21...0x7E).contains(code) ? "'\(Character(Unicode.Scalar(code)))'" : "0x\(String(code, radix: 16))"
    }
}
