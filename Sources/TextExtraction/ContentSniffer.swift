/// What an attachment's first bytes say it is, whatever its label: a PDF sent as
/// `application/octet-stream`, a ZIP named `.dat`, an OLE2 compound file, a compressed
/// stream, a picture. `nil` when the magic bytes name nothing known.
enum ContentSniffer {
    /// A format recognised from its signature.
    enum Format: Equatable {
        case pdf, zip, sevenZip, gzip, bzip2, xz, zstd, tar, rar
        case ole2, rtf, tnef
        /// A password-protected Word, Excel or PowerPoint file (an OLE2 file holding an
        /// `EncryptedPackage` stream).
        case encryptedOffice
        /// A Windows (MZ) or Linux (ELF) program.
        case program
        case pgpMessage
        case image(String), audio(String), video(String)
    }

    static func format(of bytes: [UInt8]) -> Format? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }
        if ascii("%PDF-") { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts([0x1F, 0x8B]) { return .gzip }
        if ascii("BZh") { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if ascii("Rar!\u{1A}\u{07}") { return .rar }
        if ascii("ustar", at: 257) { return .tar }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return bytes.contains(bytes: encryptedPackageName) ? .encryptedOffice : .ole2
        }
        if ascii("{\\rtf") { return .rtf }
        if starts([0x78, 0x9F, 0x3E, 0x22]) { return .tnef }
        if ascii("-----BEGIN PGP MESSAGE-----") { return .pgpMessage }
        if starts([0x7F, 0x45, 0x4C, 0x46]) || (ascii("MZ") && !looksLikeText(bytes)) { return .program }
        if let media = media(bytes, starts: starts, ascii: ascii) { return media }
        return pdfMarkerNearStart(bytes) ? .pdf : nil
    }

    private static func media(_ bytes: [UInt8], starts: ([UInt8], Int) -> Bool,
                              ascii: (String, Int) -> Bool) -> Format? {
        if starts([0xFF, 0xD8, 0xFF], 0) { return .image("image/jpeg") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0) { return .image("image/png") }
        if ascii("GIF87a", 0) || ascii("GIF89a", 0) { return .image("image/gif") }
        if starts([0x49, 0x49, 0x2A, 0x00], 0) || starts([0x4D, 0x4D, 0x00, 0x2A], 0) { return .image("image/tiff") }
        if ascii("RIFF", 0), ascii("WEBP", 8) { return .image("image/webp") }
        if ascii("RIFF", 0), ascii("WAVE", 8) { return .audio("audio/wav") }
        if ascii("RIFF", 0), ascii("AVI ", 8) { return .video("video/x-msvideo") }
        if ascii("ftyp", 4) {
            let brand = bytes.count >= 12 ? String(decoding: bytes[8..<12], as: UTF8.self) : ""
            if ["heic", "heix", "mif1", "msf1", "avif"].contains(brand) { return .image("image/heic") }
            if ["M4A ", "M4B "].contains(brand) { return .audio("audio/mp4") }
            return .video("video/mp4")
        }
        if starts([0x1A, 0x45, 0xDF, 0xA3], 0) { return .video("video/webm") }
        if ascii("OggS", 0) { return .audio("audio/ogg") }
        if ascii("fLaC", 0) { return .audio("audio/flac") }
        if ascii("ID3", 0) || starts([0xFF, 0xFB], 0) || starts([0xFF, 0xF3], 0) { return .audio("audio/mpeg") }
        if ascii("BM", 0), bytes.count > 26, bytes[6] == 0, bytes[7] == 0, bytes[8] == 0, bytes[9] == 0 {
            return .image("image/bmp")
        }
        return nil
    }

    /// `EncryptedPackage` in UTF-16LE, as an OLE2 directory entry names it.
    static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    /// PDF readers accept `%PDF-` anywhere in the first KiB (after a mail gateway's
    /// banner, say); so do we.
    private static func pdfMarkerNearStart(_ bytes: [UInt8]) -> Bool {
        let marker = Array("%PDF-".utf8)
        let head = bytes.prefix(1024)
        guard head.count >= marker.count else { return false }
        for start in head.startIndex...(head.endIndex - marker.count)
            where head[start..<(start + marker.count)].elementsEqual(marker) {
            return true
        }
        return false
    }

    /// True when the bytes read as text: no NUL and valid UTF-8 (or, failing that,
    /// almost all printable single-byte characters) in the first 8 KiB.
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        guard !head.isEmpty, !head.contains(0) else { return false }
        var control = 0
        for byte in head where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            control += 1
        }
        return control * 100 <= head.count
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the bytes (a linear scan: the first byte is matched with
    /// `firstIndex`, so most positions cost one comparison).
    func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        var start = startIndex
        while let index = self[start...].firstIndex(of: first) {
            guard index + needle.count <= endIndex else { return false }
            if self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            start = index + 1
        }
        return false
    }
}
