import ChaperoneModel

/// Reads an image's pixel dimensions from its own header, without decoding it: the
/// PNG `IHDR` chunk, the JPEG start-of-frame segment, the GIF logical screen and the
/// BMP info header. Bounded: it looks at most `scanLimit` bytes into a JPEG and at
/// most `segmentLimit` segments, and returns nil for anything it cannot read (which
/// then counts as a photo, never as a logo).
///
/// ```
/// PNG   89 50 4E 47 0D 0A 1A 0A | len(4) "IHDR" | width(4, BE) height(4, BE) ...
/// GIF   "GIF87a"/"GIF89a"       | width(2, LE) height(2, LE) ...
/// BMP   "BM" ... (offset 18)    | width(4, LE) height(4, LE, negative = top-down)
/// JPEG  FF D8 | FF xx len(2, BE) ... | FF C0..CF (not C4, C8, CC) len(2) p(1) height(2) width(2)
/// ```
public enum ImageHeader {
    /// Bytes of a JPEG searched for its frame header (EXIF and ICC segments come first).
    public static let scanLimit = 1 << 20
    /// JPEG segments stepped over before giving up.
    public static let segmentLimit = 512

    public static func pixelSize(_ bytes: [UInt8]) -> PixelSize? {
        let size: PixelSize?
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            size = png(bytes)
        } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            size = bytes.count >= 10 ? PixelSize(width: littleEndian(bytes, 6, 2), height: littleEndian(bytes, 8, 2)) : nil
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            size = jpeg(bytes)
        } else if bytes.starts(with: Array("BM".utf8)), bytes.count >= 26 {
            let height = Int32(truncatingIfNeeded: littleEndian(bytes, 22, 4))
            size = PixelSize(width: littleEndian(bytes, 18, 4), height: Int(height.magnitude))
        } else {
            size = nil
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    private static func png(_ bytes: [UInt8]) -> PixelSize? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return PixelSize(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    private static func jpeg(_ bytes: [UInt8]) -> PixelSize? {
        let end = min(bytes.count, scanLimit)
        var offset = 2
        var segments = 0
        while offset + 4 <= end, segments < segmentLimit {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }  // no length
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image, or scan data before any frame
            let length = bigEndian(bytes, offset + 2, 2)
            guard length >= 2 else { return nil }
            if isStartOfFrame(marker) {
                guard offset + 9 <= end else { return nil }
                return PixelSize(width: bigEndian(bytes, offset + 7, 2), height: bigEndian(bytes, offset + 5, 2))
            }
            offset += 2 + length
            segments += 1
        }
        return nil
    }

    /// SOF0-SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC).
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
