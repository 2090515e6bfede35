/// Decodes PDF text strings (ISO 32000 §7.9.2), as used for form field values and
/// annotation contents: UTF-16BE or UTF-8 with a byte-order mark, otherwise
/// PDFDocEncoding, read here through the WinAnsi table (identical for ASCII and
/// Latin-1 letters).
enum PDFTextString {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return PDFToUnicodeMap.utf16Text(Array(bytes.dropFirst(2)))
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        var text = ""
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                text.append(byte == 0x09 ? "\t" : "\n")
            } else {
                text += PDFEncodingTable.winAnsi[Int(byte)]
            }
        }
        return text
    }
}
