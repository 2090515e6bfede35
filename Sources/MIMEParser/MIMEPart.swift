import ChaperoneModel

/// One MIME entity in a parsed message: its headers, what they say about the body, the
/// decoded body bytes (leaves only), and its children. A `multipart/*` part has one child
/// per body part; a `message/rfc822` or `message/global` part has exactly one child, the
/// root entity of the enclosed message.
public struct MIMEPart: Hashable, Sendable {
    /// Dotted position in the tree: `0` is the top-level entity, its children are `1`,
    /// `2`…, theirs `1.1`, `1.2`…; an enclosed message's root is its container's `.1`.
    public var path: String
    /// Nesting depth: 0 for the top-level entity.
    public var depth: Int
    public var headers: MessageHeaders
    /// The effective content type (the default, or `text/plain` when the header was
    /// unusable, is filled in; `problems` says when that happened).
    public var contentType: ContentType
    public var transferEncoding: TransferEncoding
    public var disposition: ContentDisposition?
    /// The filename from Content-Disposition, else the Content-Type `name`, decoded.
    public var filename: String?
    /// The body after transfer decoding (empty for multiparts and enclosed messages).
    public var body: [UInt8]
    /// Size of the body as it appeared in the message, before decoding (for an enclosed
    /// message, the size of that message; 0 for multiparts).
    public var encodedSize: Int
    /// The body as received, kept beside the decoded `body` only when most of a base64
    /// body was not base64 (prose mislabelled): both are scanned.
    public var undecodedBody: [UInt8]?
    public var children: [MIMEPart]
    /// Repairs, limits and decoding problems that concern this part.
    public var problems: [ScanProblem]

    public init(
        path: String, depth: Int = 0, headers: MessageHeaders = MessageHeaders(),
        contentType: ContentType = .textPlain, transferEncoding: TransferEncoding = .sevenBit,
        disposition: ContentDisposition? = nil, filename: String? = nil,
        body: [UInt8] = [], encodedSize: Int = 0, children: [MIMEPart] = [], problems: [ScanProblem] = []
    ) {
        self.path = path
        self.depth = depth
        self.headers = headers
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.filename = filename
        self.body = body
        self.encodedSize = encodedSize
        self.children = children
        self.problems = problems
    }

    /// The charset parameter, lower-cased, when present.
    public var charset: String? { contentType.charset }
    public var isMultipart: Bool { contentType.isMultipart }
    /// The enclosed message's root entity for `message/rfc822` and `message/global`.
    public var enclosedMessage: MIMEPart? {
        contentType.isEncapsulatedMessage ? children.first : nil
    }
    /// True when the part carries content rather than structure (a multipart or
    /// enclosed message left unparsed because of a limit is a leaf too).
    public var isLeaf: Bool { children.isEmpty }
    /// True when the transfer encoding is unknown and `body` holds the raw bytes as
    /// received (base64 and quoted-printable always decode).
    public var bodyIsUndecoded: Bool {
        problems.contains { $0.kind == .undecodable }
    }
}
