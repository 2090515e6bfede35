import ChaperoneModel

/// A parsed `Content-Type`: lower-cased type and subtype plus parameters.
public struct ContentType: Hashable, Sendable, CustomStringConvertible {
    public var type: String
    public var subtype: String
    /// Parameters by lower-cased name (RFC 2231 decoded).
    public var parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `text/plain; charset=us-ascii`, the RFC 2045 default.
    public static let textPlain = ContentType(type: "text", subtype: "plain")
    /// `message/rfc822`, the default inside `multipart/digest`.
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")

    /// Parses a header value; `nil` when it has no `type/subtype`.
    public init?(parsing text: String) {
        let parsed = HeaderParameters(parsing: text)
        var value = parsed.value
        if let pieces = value.withUTF8(Self.asciiTypeAndSubtype) {
            guard let type = pieces.type, let subtype = pieces.subtype else { return nil }
            self.init(type: type, subtype: subtype, parameters: parsed.parameters)
            return
        }
        self.init(characterValue: parsed.value, parameters: parsed.parameters)
    }

    /// For an ASCII value, its lower-cased type and subtype with whitespace removed
    /// (each `nil` when the value is not `type/subtype`); `nil` for a non-ASCII value.
    static func asciiTypeAndSubtype(_ bytes: UnsafeBufferPointer<UInt8>) -> (type: String?, subtype: String?)? {
        guard UTF8Text.isASCII(bytes) else { return nil }
        // `split(separator: "/", maxSplits: 1)` skips empty pieces: slashes before the
        // type are dropped, and the type ends at the next slash.
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
        guard let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { return (nil, nil) }
        func piece(_ range: Range<Int>) -> String? {
            var kept: [UInt8] = []
            kept.reserveCapacity(range.count)
            for byte in bytes[range] where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                kept.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return kept.isEmpty ? nil : String(decoding: kept, as: UTF8.self)
        }
        guard slash + 1 < bytes.count else { return (nil, nil) }
        guard let type = piece(start..<slash), let subtype = piece((slash + 1)..<bytes.count) else { return (nil, nil) }
        return (type, subtype)
    }

    /// The Character rule for a non-ASCII value, and the reference for the byte path.
    init?(characterValue value: String, parameters: [String: String]) {
        let pieces = value.lowercased().split(separator: "/", maxSplits: 1)
        guard pieces.count == 2 else { return nil }
        let type = pieces[0].filter { !$0.isWhitespace }
        let subtype = pieces[1].filter { !$0.isWhitespace }
        guard !type.isEmpty, !subtype.isEmpty else { return nil }
        self.init(type: type, subtype: subtype, parameters: parameters)
    }

    /// `type/subtype`, lower-cased.
    public var mimeType: String { "\(type)/\(subtype)" }
    public var isMultipart: Bool { type == "multipart" }
    /// True for `message/rfc822` and `message/global`, which hold a whole message.
    public var isEncapsulatedMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }
    public var isText: Bool { type == "text" }
    public var charset: String? { parameters["charset"].flatMap { $0.isEmpty ? nil : $0.lowercased() } }
    public var boundary: String? { parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 } }
    public var description: String { mimeType }
}
