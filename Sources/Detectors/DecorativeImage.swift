import ChaperoneModel

/// Tells a school logo, a signature picture, an icon or a tracking pixel from a photo
/// that may show pupils (§5). Newsletters and letters carry the school crest and
/// social-media icons as inline images in every message; holding those as "images
/// of pupils" would hold every letter home.
///
/// The rule uses only what the image says about itself, never its name or where
/// the HTML places it (both are the sender's to choose):
/// - its pixel size, read from its own header (`AttachmentInfo.pixelSize`): an image
///   whose sides are both at most `decorationMaxSidePixels` (an icon, a crest, a
///   head-and-shoulders signature picture), or a banner whose short side is at most
///   that and whose long side is at least `bannerMinAspectRatio` times it (a
///   letterhead strip, a footer of sponsor logos);
/// - and its size in bytes, at most `decorationMaxBytes`: a photo cut down to icon size
///   is still small, but a large file with a small stated size is suspect and counts
///   as a photo.
/// Video, and any image whose header cannot be read (HEIC, SVG, damaged, or labelled
/// as an image but not one), is always a photo.
enum DecorativeImage {
    static func isDecorative(_ attachment: AttachmentInfo, limits: Configuration.Images) -> Bool {
        guard let size = attachment.pixelSize, !attachment.contentType.hasPrefix("video/"),
              attachment.size <= limits.decorationMaxBytes else { return false }
        let side = limits.decorationMaxSidePixels
        if size.longSide <= side { return true }
        return size.shortSide <= side && Double(size.longSide) >= limits.bannerMinAspectRatio * Double(size.shortSide)
    }

    static func finding(_ attachment: AttachmentInfo, location: TextLocation) -> Finding {
        let size = attachment.pixelSize.map { "\($0.width)x\($0.height) px" } ?? ""
        return Finding(detector: .decorativeImage, location: location,
                       evidence: "\(attachment.contentType), \(size), \(attachment.size) bytes: not a photo",
                       confidence: 1, detail: size)
    }
}
