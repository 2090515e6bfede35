/// One MIME part of a scanned message as the decision records it: where it is, what it
/// said it was, and what the scan did with it (read, media, textless, program, or not
/// read and why). A decision lists every body and attachment, so a reviewer sees what
/// was read as well as what was found. Holds no content; the filename is the one the
/// sender gave, as finding locations already name it.
public struct MessagePart: Codable, Hashable, Sendable {
    /// Body text shown as the message, an attachment (or inline non-text part), or an
    /// enclosed message (message/rfc822, read part by part under its own path).
    public enum Kind: String, Codable, Hashable, Sendable {
        case body
        case attachment
        case enclosedMessage = "enclosed-message"
    }

    /// Dotted MIME part path (`1`, `2.1`).
    public var path: String
    public var kind: Kind
    /// Lower-cased `type/subtype` as labelled.
    public var contentType: String
    /// The type it was read as when its magic bytes disagree with its label.
    public var detectedType: String?
    /// The filename from Content-Disposition or Content-Type `name`; empty when none.
    public var filename: String
    /// Decoded bytes for an attachment; bytes of text read for a body.
    public var size: Int
    /// What was done with the content; bodies are always `.read`.
    public var handling: AttachmentInfo.Handling
    /// For `.unscannable`: why, in a few words (`encrypted`, `damaged`, `over a limit`).
    public var unreadReason: String?

    public init(
        path: String, kind: Kind, contentType: String, detectedType: String? = nil, filename: String = "", size: Int,
        handling: AttachmentInfo.Handling, unreadReason: String? = nil
    ) {
        self.path = path
        self.kind = kind
        self.contentType = contentType
        self.detectedType = detectedType
        self.filename = filename
        self.size = size
        self.handling = handling
        self.unreadReason = unreadReason
    }
}
