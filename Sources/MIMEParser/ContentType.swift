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
        let pieces = parsed.value.lowercased().split(separator: "/", maxSplits: 1)
        guard pieces.count == 2 else { return nil }
        let type = pieces[0].filter { !$0.isWhitespace }
        let subtype = pieces[1].filter { !$0.isWhitespace }
        guard !type.isEmpty, !subtype.isEmpty else { return nil }
        self.init(type: type, subtype: subtype, parameters: parsed.parameters)
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
