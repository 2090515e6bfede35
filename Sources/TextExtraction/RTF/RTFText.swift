import MIMEParser

/// The text of an RTF document (RTF 1.9): `\uN` escapes (with their `\ucN` fallbacks
/// skipped), `\'hh` bytes in the document's `\ansicpg` or the current font's
/// `\fcharset` code page, paragraph and cell marks as line breaks and tabs. Starred
/// destinations (`{\*\…}`), the font, colour, style and list tables, pictures, objects'
/// data and field instructions are skipped; field results, headers, footers, footnotes
/// and comments are read. `\binN` data is stepped over.
///
/// Groups deeper than `maxDepth` (`max_nesting_depth`) are read with the state of the
/// deepest tracked group, so a hostile nesting costs nothing and hides no text.
struct RTFText {
    struct GroupState {
        var skip = false
        var fontTable = false
        var unicodeSkip = 1
        var codePage: String?
    }

    let bytes: [UInt8]
    let maxDepth: Int
    var state = GroupState()
    private var stack: [GroupState] = []
    private var untracked = 0
    var output: [UInt16] = []
    private var pending: [UInt8] = []
    private var pendingCodePage: String?
    var documentCodePage = "windows-1252"
    var fontCharsets: [Int: Int] = [:]
    var currentFont = 0
    var fallbackToSkip = 0
    var index = 0

    static func text(_ bytes: [UInt8], maxDepth: Int) -> String {
        var reader = RTFText(bytes: bytes, maxDepth: maxDepth)
        reader.run()
        return reader.finish()
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = max(1, maxDepth)
    }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "{"):
                if stack.count < maxDepth { stack.append(state) } else { untracked += 1 }
            case UInt8(ascii: "}"):
                if untracked > 0 { untracked -= 1 } else if let saved = stack.popLast() { state = saved }
            case UInt8(ascii: "\\"):
                controlSequence()
            case 0x0D, 0x0A:
                continue
            default:
                textByte(byte)
            }
        }
    }

    private mutating func controlSequence() {
        guard index < bytes.count else { return }
        let first = bytes[index]
        guard Self.isLetter(first) else {
            index += 1
            controlSymbol(first)
            return
        }
        let start = index
        while index < bytes.count, Self.isLetter(bytes[index]), index - start < 32 { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        var parameter: Int?
        let digitsStart = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        var value = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - digitsStart < 11 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        if index > digitsStart, bytes[index - 1] != UInt8(ascii: "-") {
            parameter = bytes[digitsStart] == UInt8(ascii: "-") ? -value : value
        } else {
            index = digitsStart
        }
        if index < bytes.count, bytes[index] == 0x20 { index += 1 }
        controlWord(word, parameter)
    }

    private mutating func controlSymbol(_ symbol: UInt8) {
        switch symbol {
        case UInt8(ascii: "'"):
            guard index + 1 < bytes.count, let high = bytes[index].hexDigitValue, let low = bytes[index + 1].hexDigitValue else { return }
            index += 2
            textByte(high << 4 | low)
        case UInt8(ascii: "*"):
            state.skip = true
        case UInt8(ascii: "~"):
            emit(" ")
        case UInt8(ascii: "_"):
            emit("-")
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            textByte(symbol)
        case 0x0A, 0x0D:
            emit("\n")
        default:
            break
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private mutating func textByte(_ byte: UInt8) {
        if fallbackToSkip > 0 {
            fallbackToSkip -= 1
            return
        }
        guard !state.skip else { return }
        let codePage = state.codePage ?? documentCodePage
        if codePage != pendingCodePage { flush() }
        pendingCodePage = codePage
        pending.append(byte)
    }

    mutating func emit(_ text: String) {
        fallbackToSkip = 0
        guard !state.skip else { return }
        flush()
        output += text.utf16
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        output += CharsetDecoder.decode(pending, charset: pendingCodePage).text.utf16
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func finish() -> String {
        flush()
        return String(decoding: output, as: UTF16.self)
    }
}
