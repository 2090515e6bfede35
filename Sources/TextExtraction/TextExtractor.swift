import ChaperoneModel
import MIMEParser

/// Turns a parsed message into `MessageContent`: header values, bodies and attachment
/// text as located segments, addresses, attachments, and every problem met. Pure: no
/// I/O, safe to call from any thread.
///
/// Bodies are the `text/plain` and `text/html` leaves that are not attachments (both
/// halves of a `multipart/alternative` are read, so nothing hides in either). Every other
/// leaf is an attachment: its filename is a segment, and its content, recognised by its
/// label checked against its magic bytes, is read (text, HTML, CSV, XML, PDF, OOXML,
/// OpenDocument, archives), recognised as media, allow-listed as textless, or reported
/// unscannable with its type and the reason: nothing is skipped silently. A part whose
/// transfer encoding could not be decoded is read as raw text whatever its type.
public struct TextExtractor: Sendable {
    public let limits: Limits
    /// Types that carry no text (`attachments.textless_types`).
    public let textless: TextlessTypes

    public init(limits: Limits = Limits(), textless: TextlessTypes = TextlessTypes()) {
        self.limits = limits
        self.textless = textless
    }

    public func extract(_ message: ParsedMessage) -> MessageContent {
        var collector = SegmentCollector(limits: limits)
        var content = headerContent(of: message)
        read(message, into: &content, collector: &collector)
        content.segments = collector.segments
        return content
    }

    /// Extracts as `extract(_:)` does, but hands each segment to `consume` as it is made,
    /// in the order `extract(_:)` lists them, instead of keeping it: a caller that scans
    /// each segment as it comes never holds a message's worth of text. `header` is this
    /// message's `headerContent(of:)`; the content returned has no segments.
    public func extract(_ message: ParsedMessage, header: MessageContent,
                        consume: @escaping (TextSegment) -> Void) -> MessageContent {
        var collector = SegmentCollector(limits: limits, consumer: consume)
        var content = header
        read(message, into: &content, collector: &collector)
        return content
    }

    /// What the top-level headers alone say (Message-ID, addresses, forwarding,
    /// auto-submission) with the parser's problems: everything `extract(_:)` gives but
    /// the segments, the attachments and the problems met reading the parts. Enough to
    /// decide who sent the message before its parts are read.
    public func headerContent(of message: ParsedMessage) -> MessageContent {
        let headers = message.headers
        var content = MessageContent(
            messageID: Self.messageID(headers),
            fromAddresses: headers.addresses(named: "From").map(\.addrSpec),
            toAddresses: headers.addresses(named: "To").map(\.addrSpec),
            ccAddresses: headers.addresses(named: "Cc").map(\.addrSpec),
            bccAddresses: headers.addresses(named: "Bcc").map(\.addrSpec),
            isAutoSubmitted: Self.isAutoSubmitted(message.root)
        )
        content.forwardingAddresses = Self.forwardingAddresses(headers)
        content.problems = message.problems
        return content
    }

    /// Reads every part of `message` through `collector`, adding its attachments and
    /// problems to `content`.
    private func read(_ message: ParsedMessage, into content: inout MessageContent, collector: inout SegmentCollector) {
        collector.problems = content.problems
        var attachments: [AttachmentInfo] = []
        walk(message.root, collector: &collector, attachments: &attachments)
        content.attachments = attachments
        content.problems = collector.problems
    }

    /// Visits the tree in order without recursion (depth is bounded, but a flat loop
    /// keeps stack use constant whatever the limits say).
    private func walk(_ root: MIMEPart, collector: inout SegmentCollector, attachments: inout [AttachmentInfo]) {
        var stack: [(part: MIMEPart, isMessageRoot: Bool)] = [(root, true)]
        while let (part, isMessageRoot) = stack.popLast() {
            if ScanCancellation.shouldStop(at: .part) { return }
            if isMessageRoot { addHeaderSegments(part, collector: &collector) }
            if part.isLeaf {
                extractLeaf(part, collector: &collector, attachments: &attachments)
            } else if part.contentType.isEncapsulatedMessage {
                attachments.append(attachmentInfo(part))
            }
            let enclosed = part.contentType.isEncapsulatedMessage
            for child in part.children.reversed() { stack.append((child, enclosed)) }
        }
    }
}
