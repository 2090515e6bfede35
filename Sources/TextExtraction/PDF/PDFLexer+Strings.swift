import MIMEParser

extension PDFLexer {
    /// A name after its slash, with `#xx` escapes decoded.
    mutating func readName() -> String {
        var name: [UInt8] = []
        while position < end, Self.isRegular(bytes[position]) {
            let byte = bytes[position]
            if byte == UInt8(ascii: "#"), position + 2 < end,
               let high = bytes[position + 1].hexDigitValue, let low = bytes[position + 2].hexDigitValue {
                name.append(high << 4 | low)
                position += 3
            } else {
                name.append(byte)
                position += 1
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// A literal string after its opening parenthesis: escapes decoded, balanced
    /// parentheses kept, ends at the matching `)` or the end of the buffer.
    mutating func readLiteralString() -> [UInt8] {
        var result: [UInt8] = []
        var depth = 1
        while position < end {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case UInt8(ascii: "\\"):
                readEscape(into: &result)
            default:
                result.append(byte)
            }
        }
        return result
    }

    private mutating func readEscape(into result: inout [UInt8]) {
        guard position < end else { return }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case 0x0D:
            if position < end, bytes[position] == 0x0A { position += 1 }
        case 0x0A:
            break
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(byte - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, position < end, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                digits += 1
            }
            result.append(UInt8(truncatingIfNeeded: value))
        default:
            result.append(byte)
        }
    }

    /// A hex string after its `<`: whitespace ignored, an odd last digit padded with 0.
    mutating func readHexString() -> [UInt8] {
        var result: [UInt8] = []
        var pending: UInt8?
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ">") { break }
            guard let value = byte.hexDigitValue else { continue }
            if let high = pending {
                result.append(high << 4 | value)
                pending = nil
            } else {
                pending = value
            }
        }
        if let high = pending { result.append(high << 4) }
        return result
    }


    /// A PDF number (`12`, `-3.5`, `.5`, `+4.`), or nil when the word is not one.
    static func number(_ word: ArraySlice<UInt8>) -> Double? {
        guard !word.isEmpty, word.count < 40 else { return nil }
        var value = 0.0
        var scale = 0.0
        var negative = false
        var sawDigit = false
        for (offset, byte) in word.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0: negative = true
            case UInt8(ascii: "+") where offset == 0: break
            case UInt8(ascii: ".") where scale == 0: scale = 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let digit = Double(byte - UInt8(ascii: "0"))
                if scale == 0 {
                    value = value * 10 + digit
                } else {
                    scale /= 10
                    value += digit * scale
                }
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        return negative ? -value : value
    }
}
