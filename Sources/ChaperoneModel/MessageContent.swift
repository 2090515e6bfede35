/// Everything the scanning core reads from one message once MIME parsing and text
/// extraction are done: the contract between `TextExtraction` and `Detectors`/`Policy`.
public struct MessageContent: Codable, Hashable, Sendable {
    /// The Message-ID header value, without angle brackets.
    public var messageID: String?
    /// Addresses (addr-spec, domain lower-cased) from the From, To, Cc and Bcc headers.
    public var fromAddresses: [String]
    public var toAddresses: [String]
    public var ccAddresses: [String]
    public var bccAddresses: [String]
    /// True when the message says it was generated automatically
    /// (`Auto-Submitted` other than `no`, or a bounce's report content type).
    public var isAutoSubmitted: Bool
    /// Addresses from the headers a forwarding mailbox leaves (`Resent-From`,
    /// `Resent-Sender`, `X-Forwarded-For`, `X-MS-Exchange-Inbox-Rules-Loop`,
    /// `Delivered-To`, `X-Original-To`), in that order: who forwarded it.
    public var forwardingAddresses: [String] = []
    /// Every text segment: header values, bodies, attachment text and filenames.
    public var segments: [TextSegment]
    /// Every attachment or inline non-text part.
    public var attachments: [AttachmentInfo]
    /// Limits hit, repairs made and parts that could not be decoded.
    public var problems: [ScanProblem]

    public init(
        messageID: String? = nil,
        fromAddresses: [String] = [], toAddresses: [String] = [],
        ccAddresses: [String] = [], bccAddresses: [String] = [],
        isAutoSubmitted: Bool = false,
        segments: [TextSegment] = [], attachments: [AttachmentInfo] = [], problems: [ScanProblem] = []
    ) {
        self.messageID = messageID
        self.fromAddresses = fromAddresses
        self.toAddresses = toAddresses
        self.ccAddresses = ccAddresses
        self.bccAddresses = bccAddresses
        self.isAutoSubmitted = isAutoSubmitted
        self.segments = segments
        self.attachments = attachments
        self.problems = problems
    }
}
