/// What a font's character codes mean as text: its /ToUnicode map first, then for
/// simple fonts its encoding (base table plus /Differences). Composite (Type0) fonts
/// use two-byte codes, as Identity-H does; without a ToUnicode map their text is
/// unreadable and decodes to nothing.
struct PDFFont {
    var codeLength = 1
    var toUnicode: PDFToUnicodeMap?
    var encoding: [String] = PDFEncodingTable.winAnsi
    /// Glyph widths by code, in thousandths of an em; nil when the font gives none.
    var widths: [UInt32: Double]?
    var missingWidth = 0.0

    /// The text of a shown string.
    func text(_ bytes: [UInt8]) -> String {
        var result = ""
        if codeLength == 2 {
            var index = 0
            while index + 1 < bytes.count {
                let code = UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                result += toUnicode?.text(for: code) ?? ""
                index += 2
            }
            return result
        }
        for byte in bytes {
            if let mapped = toUnicode?.text(for: UInt32(byte)) {
                result += mapped
            } else if Int(byte) < encoding.count {
                result += encoding[Int(byte)]
            }
        }
        return result
    }
}

extension PDFFont {
    /// Reads a font dictionary; the ToUnicode stream is decoded through `decoder`.
    init(_ dictionary: [String: PDFObject], document: PDFDocument, decoder: inout PDFStreamDecoder) {
        if dictionary["Subtype"]?.name == "Type0" {
            codeLength = 2
            readCompositeWidths(dictionary, document: document)
        } else {
            readSimpleWidths(dictionary, document: document)
        }
        let toUnicodeStream = document.value("ToUnicode", in: dictionary)
        if case .stream = toUnicodeStream, let data = decoder.decode(toUnicodeStream, in: document) {
            toUnicode = PDFToUnicodeMap(data)
        }
        switch document.value("Encoding", in: dictionary) {
        case .name(let name):
            encoding = PDFEncodingTable.table(named: name)
        case .dictionary(let encodingDictionary):
            encoding = PDFEncodingTable.table(named: document.value("BaseEncoding", in: encodingDictionary).name)
            applyDifferences(document.value("Differences", in: encodingDictionary).array ?? [])
        default:
            break
        }
    }

    /// `[code /name /name … code /name …]`: names take successive codes from each number.
    private mutating func applyDifferences(_ differences: [PDFObject]) {
        var code = 0
        for item in differences {
            switch item {
            case .number:
                code = item.integer ?? 256
            case .name(let glyph):
                if (0..<256).contains(code) { encoding[code] = PDFGlyphNames.text(for: glyph) }
                code = code &+ 1
            default:
                continue
            }
        }
    }
}
