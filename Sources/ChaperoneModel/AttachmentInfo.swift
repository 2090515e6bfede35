/// What policy needs to know about one attachment or inline non-text part.
public struct AttachmentInfo: Codable, Hashable, Sendable {
    /// The filename from Content-Disposition or Content-Type `name`, decoded; may be empty.
    public var filename: String
    /// Lower-cased `type/subtype`.
    public var contentType: String
    /// Dotted MIME part path.
    public var partPath: String
    /// Decoded size in bytes.
    public var size: Int
    /// True when Content-Disposition is `inline` (or the part is referenced by Content-ID).
    public var isInline: Bool
    /// Names of members when the attachment is an archive (ZIP and OOXML containers).
    public var archiveMembers: [String]
    /// What was done with the content (nil when not recorded, e.g. an enclosed message).
    public var handling: Handling?
    /// The type the content was read as when its magic bytes disagree with its label
    /// (`application/pdf` for a PDF sent as octet-stream, `image/jpeg` for a photo named .dat).
    public var detectedType: String?
    /// For `.unscannable`: why, in a few words (`unsupported format`, `encrypted`, `damaged`, `over a limit`).
    public var unreadReason: String?
    /// Width and height in pixels from the image's own header (PNG, JPEG, GIF, BMP);
    /// nil when it is not an image or its header could not be read.
    public var pixelSize: PixelSize?

    /// What happened to an attachment's content: every part gets exactly one of these.
    public enum Handling: String, Codable, Hashable, Sendable {
        /// Its text was extracted and scanned.
        case read
        /// A picture, sound or film: not read for text; images and video feed §5.
        case media
        /// On the `attachments.textless_types` allow-list (a detached signature).
        case textless
        /// A program (an .exe, or MZ / ELF bytes): not read; flagged as an executable attachment.
        case program
        /// Not read; an unscannable problem names it and the reason.
        case unscannable
    }

    public init(filename: String, contentType: String, partPath: String, size: Int, isInline: Bool = false, archiveMembers: [String] = []) {
        self.filename = filename
        self.contentType = contentType
        self.partPath = partPath
        self.size = size
        self.isInline = isInline
        self.archiveMembers = archiveMembers
    }

    /// True for `image/*` and `video/*` parts, files whose extension says so, and parts
    /// whose magic bytes do.
    public var isImageOrVideo: Bool {
        if contentType.hasPrefix("image/") || contentType.hasPrefix("video/") { return true }
        if let detectedType, detectedType.hasPrefix("image/") || detectedType.hasPrefix("video/") { return true }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["jpg", "jpeg", "png", "gif", "heic", "heif", "webp", "bmp", "tif", "tiff",
                "mp4", "mov", "avi", "mkv", "webm", "m4v", "3gp", "wmv"].contains(ext) && filename.contains(".")
    }
}
