/// A `Content-Transfer-Encoding`. Anything unrecognised is kept as `.unknown` and
/// decoded as 7bit, with a problem reported.
public enum TransferEncoding: Hashable, Sendable, CustomStringConvertible {
    case sevenBit, eightBit, binary, base64, quotedPrintable
    case unknown(String)

    public init(parsing text: String?) {
        guard let text else {
            self = .sevenBit
            return
        }
        let token = HeaderParameters(parsing: text).value.lowercased()
        switch token {
        case "", "7bit", "7-bit": self = .sevenBit
        case "8bit", "8-bit": self = .eightBit
        case "binary": self = .binary
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .unknown(token)
        }
    }

    /// True for encodings that leave the bytes as they are.
    public var isIdentity: Bool {
        switch self {
        case .base64, .quotedPrintable: false
        default: true
        }
    }

    public var description: String {
        switch self {
        case .sevenBit: "7bit"
        case .eightBit: "8bit"
        case .binary: "binary"
        case .base64: "base64"
        case .quotedPrintable: "quoted-printable"
        case .unknown(let name): name
        }
    }
}
