import ChaperoneModel

/// The scanner's working record for one entity while lines stream past: where its
/// header fields and body lie in the buffer and what kind of entity it turned out to be.
/// Turned into a `MIMEPart` once the scan is over.
struct EntityNode {
    enum Kind {
        /// Still reading the header block.
        case headers
        /// A body part with content.
        case leaf
        /// A multipart reading its preamble, children or epilogue.
        case multipart
        /// A `message/rfc822` container whose single child is the enclosed message.
        case message
    }

    var path: String
    var depth: Int
    var parent: Int?
    var kind: Kind = .headers
    var children: [Int] = []
    /// The content type assumed when the header is absent (`message/rfc822` in digests).
    var defaultType: ContentType
    var fields: [HeaderField] = []
    var headerBytes = 0
    /// Byte range of the header field being collected (it may still get continuation lines).
    var pendingField: Range<Int>?
    /// Lines seen so far in the header block (to skip a leading mbox `From ` line).
    var headerLines = 0
    var contentType: ContentType = .textPlain
    var transferEncoding: TransferEncoding = .sevenBit
    var bodyStart = 0
    var bodyEnd = 0
    /// True once the entity's extent is final.
    var isClosed = false
    /// For multiparts: whether the closing delimiter was seen.
    var sawCloseDelimiter = false
    var problems: [ScanProblem] = []

    init(path: String, depth: Int, parent: Int?, defaultType: ContentType, headerStart: Int) {
        self.path = path
        self.depth = depth
        self.parent = parent
        self.defaultType = defaultType
        self.bodyStart = headerStart
        self.bodyEnd = headerStart
    }
}
