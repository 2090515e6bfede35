import ChaperoneModel
import Foundation
import Testing
@testable import TextExtraction

/// Issue 21 item 4: pixel sizes come from the image's own header. Fixtures were made
/// by ImageMagick (`Fixtures/images/IMAGES.md` gives each command).
@Suite struct ImageHeaderTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return [UInt8](try Data(contentsOf: directory.appendingPathComponent("images/" + name)))
    }

    @Test(arguments: [
        ("sports-day.jpg", 480, 360), ("progressive.jpg", 320, 240), ("signature-headshot.jpg", 96, 96),
        ("crest.png", 120, 60), ("letterhead.png", 600, 120), ("icon-facebook.png", 24, 24), ("icon-x.gif", 16, 16),
    ])
    func readsTheSizeEachFormatStates(name: String, width: Int, height: Int) throws {
        #expect(ImageHeader.pixelSize(try Self.fixture(name)) == PixelSize(width: width, height: height))
    }

    @Test func aBottomUpBitmapHasItsHeightWithoutTheSign() {
        var bmp = [UInt8](repeating: 0, count: 54)
        bmp[0] = 0x42; bmp[1] = 0x4D
        bmp[18] = 0x40  // width 64
        for (offset, byte) in [0xE0, 0xFF, 0xFF, 0xFF].enumerated() { bmp[22 + offset] = UInt8(byte) }  // height -32
        #expect(ImageHeader.pixelSize(bmp) == PixelSize(width: 64, height: 32))
    }

    @Test func everyTruncationOfEveryFixtureIsReadOrRefusedNeverCrashes() throws {
        for name in ["sports-day.jpg", "progressive.jpg", "crest.png", "icon-x.gif"] {
            let bytes = try Self.fixture(name)
            let full = ImageHeader.pixelSize(bytes)
            for length in 0..<min(bytes.count, 700) {
                let size = ImageHeader.pixelSize(Array(bytes.prefix(length)))
                #expect(size == nil || size == full, "\(name) cut at \(length)")
            }
        }
    }

    @Test func hostileHeadersGiveNoSize() {
        // Labelled JPEG but random-looking bytes (the old samples' stand-in photos).
        #expect(ImageHeader.pixelSize([0xFF, 0xD8] + Array("fakejpeg".utf8) + [UInt8](repeating: 0x41, count: 64)) == nil)
        // A segment length below 2 would loop in place.
        #expect(ImageHeader.pixelSize([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0]) == nil)
        // Fill bytes only, then the end.
        #expect(ImageHeader.pixelSize([0xFF, 0xD8] + [UInt8](repeating: 0xFF, count: 10_000)) == nil)
        // Scan data before any frame header.
        #expect(ImageHeader.pixelSize([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0, 0, 0, 0, 0, 0]) == nil)
        // A PNG with zero width, and one whose first chunk is not IHDR.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0, 0, 0, 0, 0, 9]
        #expect(ImageHeader.pixelSize(png) == nil)
        png.replaceSubrange(12..<16, with: Array("IDAT".utf8))
        #expect(ImageHeader.pixelSize(png) == nil)
        // A GIF of zero height.
        #expect(ImageHeader.pixelSize(Array("GIF89a".utf8) + [10, 0, 0, 0]) == nil)
        #expect(ImageHeader.pixelSize([]) == nil)
    }

    @Test func aFrameHeaderPastTheScanLimitOrTheSegmentLimitIsNotLookedFor() {
        let frame: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10]
        // Seventeen full-size APP1 segments (EXIF-like) push the frame past the scan limit.
        var large: [UInt8] = [0xFF, 0xD8]
        while large.count < ImageHeader.scanLimit { large += [0xFF, 0xE1, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 65_533) }
        #expect(ImageHeader.pixelSize(large + frame) == nil)
        // More empty segments than the segment limit, well inside the scan limit.
        let many = [0xFF, 0xD8] + Array([[UInt8]](repeating: [0xFF, 0xE1, 0x00, 0x02], count: ImageHeader.segmentLimit + 1).joined())
        #expect(ImageHeader.pixelSize(many + frame) == nil)
        // The same frame after a few segments is read: the limits are what stopped it.
        let few = [0xFF, 0xD8] + Array([[UInt8]](repeating: [0xFF, 0xE1, 0x00, 0x02], count: 3).joined())
        #expect(ImageHeader.pixelSize(few + frame) == PixelSize(width: 16, height: 16))
    }

    @Test func anInlineImageInAMessageCarriesItsSize() throws {
        let crest = Data(try Self.fixture("crest.png")).base64EncodedString()
        let message = [
            "From: a@school.example", "To: b@school.example", "Subject: x", "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=\"b\"", "", "--b", "Content-Type: text/html", "",
            "<p><img src=\"cid:crest@school\"></p>", "--b", "Content-Type: image/png", "Content-ID: <crest@school>",
            "Content-Transfer-Encoding: base64", "", crest, "--b--",
        ]
        let content = Extraction.content(message)
        let image = try #require(content.attachments.first { $0.contentType == "image/png" })
        #expect(image.isInline)
        #expect(image.pixelSize == PixelSize(width: 120, height: 60))
    }
}
