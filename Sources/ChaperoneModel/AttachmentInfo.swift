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

    public init(filename: String, contentType: String, partPath: String, size: Int, isInline: Bool = false, archiveMembers: [String] = []) {
        self.filename = filename
        self.contentType = contentType
        self.partPath = partPath
        self.size = size
        self.isInline = isInline
        self.archiveMembers = archiveMembers
    }

    /// True for `image/*` and `video/*` parts, or files whose extension says so.
    public var isImageOrVideo: Bool {
        if contentType.hasPrefix("image/") || contentType.hasPrefix("video/") { return true }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["jpg", "jpeg", "png", "gif", "heic", "heif", "webp", "bmp", "tif", "tiff",
                "mp4", "mov", "avi", "mkv", "webm", "m4v", "3gp", "wmv"].contains(ext) && filename.contains(".")
    }
}
