import ChaperoneModel
import Testing
@testable import Detectors

/// Issue 21 item 4: logos, icons and signature pictures are not photos of pupils; the
/// rule reads the size the image's header states and its byte count.
@Suite struct DecorativeImageTests {
    static func image(_ type: String, _ size: PixelSize?, bytes: Int, name: String = "x") -> AttachmentInfo {
        var info = AttachmentInfo(filename: name, contentType: type, partPath: "2", size: bytes, isInline: true)
        info.pixelSize = size
        return info
    }

    static let limits = Configuration.Images()

    @Test(arguments: [
        ("social icon", "image/png", 24, 24, 281),
        ("school crest", "image/png", 120, 60, 1_905),
        ("signature head-and-shoulders", "image/jpeg", 96, 96, 1_743),
        ("letterhead banner", "image/png", 600, 120, 5_311),
        ("tracking pixel", "image/gif", 1, 1, 43),
    ])
    func decorations(name: String, type: String, width: Int, height: Int, bytes: Int) {
        #expect(DecorativeImage.isDecorative(Self.image(type, PixelSize(width: width, height: height), bytes: bytes), limits: Self.limits))
    }

    @Test(arguments: [
        ("newsletter photo", "image/jpeg", 480, 360, 12_773),
        ("phone photo", "image/jpeg", 4_032, 3_024, 2_400_000),
        ("a wide team photo", "image/jpeg", 1_200, 300, 60_000),
        ("a small image with a big file", "image/png", 150, 150, 900_000),
    ])
    func photos(name: String, type: String, width: Int, height: Int, bytes: Int) {
        #expect(!DecorativeImage.isDecorative(Self.image(type, PixelSize(width: width, height: height), bytes: bytes), limits: Self.limits))
    }

    @Test func unreadableHeadersAndVideoAreAlwaysPhotos() {
        #expect(!DecorativeImage.isDecorative(Self.image("image/heic", nil, bytes: 500), limits: Self.limits))
        #expect(!DecorativeImage.isDecorative(Self.image("video/mp4", PixelSize(width: 64, height: 64), bytes: 500), limits: Self.limits))
    }

    @Test func limitsAreConfigurable() {
        var strict = Self.limits
        strict.decorationMaxSidePixels = 0
        #expect(!DecorativeImage.isDecorative(Self.image("image/png", PixelSize(width: 24, height: 24), bytes: 281), limits: strict))
    }

    @Test func aLogoIsReportedButIsNoImageFindingAndAPhotoIs() {
        let content = MessageContent(attachments: [
            Self.image("image/png", PixelSize(width: 120, height: 60), bytes: 1_905, name: "crest.png"),
            Self.image("image/jpeg", PixelSize(width: 480, height: 360), bytes: 12_773, name: "sports-day.jpg"),
        ])
        let findings = AttachmentChecks.findings(for: content, images: Self.limits)
        #expect(findings.map(\.detector) == [.decorativeImage, .imageAttachment])
        #expect(findings[0].evidence.contains("120x60 px"))
    }
}
