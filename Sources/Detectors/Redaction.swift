import ChaperoneModel

/// Redaction applied at the point of detection: evidence keeps just enough for someone
/// who knows the data to recognise it, and never the whole value.
public enum Redaction {
    /// `A801200005001` → `A8012…1`: the first two fifths and the last character.
    public static func identifier(_ value: String) -> String {
        if let ascii = asciiIdentifier(value) { return ascii }
        let chars = Array(value.filter { !$0.isWhitespace && $0 != "-" })
        guard chars.count > 3 else { return String(repeating: "*", count: chars.count) }
        let keep = max(1, chars.count * 2 / 5)
        return String(chars.prefix(keep)) + "…" + String(chars[chars.count - 1])
    }

    /// `identifier(_:)` over the bytes of an ASCII value without a carriage return (where
    /// a byte is a Character), written in one String; nil for any other value.
    private static func asciiIdentifier(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func isDropped(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0C).contains(byte) || byte == UInt8(ascii: "-") }
            var keptCount = 0
            for byte in utf8 where !isDropped(byte) { keptCount += 1 }
            guard keptCount > 3 else { return String(repeating: "*", count: keptCount) }
            let keep = max(1, keptCount * 2 / 5)
            // The first `keep` kept bytes, "…" (three bytes of UTF-8) and the last kept byte.
            return String(unsafeUninitializedCapacity: keep + 4) { output in
                var written = 0
                var last: UInt8 = 0
                for byte in utf8 where !isDropped(byte) {
                    if written < keep { output[written] = byte; written += 1 }
                    last = byte
                }
                output[keep] = 0xE2; output[keep + 1] = 0x80; output[keep + 2] = 0xA6
                output[keep + 3] = last
                return keep + 4
            }
        }
    }

    /// `John Smith-Jones` → `J*** S****-J****`: the first letter of each word.
    public static func name(_ value: String) -> String {
        if let ascii = asciiName(value) { return ascii }
        var result = ""
        var atWordStart = true
        for character in value {
            if character.isLetter {
                result.append(atWordStart ? character : "*")
                atWordStart = false
            } else {
                result.append(character.isWhitespace ? " " : character)
                atWordStart = true
            }
        }
        return result
    }

    /// `name(_:)` over the bytes of an ASCII value without a carriage return (where a
    /// byte is a Character); nil for any other value, which `name(_:)` reads by Character.
    private static func asciiName(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            return String(unsafeUninitializedCapacity: utf8.count) { output in
                var atWordStart = true
                for (index, byte) in utf8.enumerated() {
                    if (byte | 0x20) >= 97 && (byte | 0x20) <= 122 {
                        output[index] = atWordStart ? byte : UInt8(ascii: "*")
                        atWordStart = false
                    } else {
                        output[index] = byte == 0x20 || (0x09...0x0C).contains(byte) ? 0x20 : byte
                        atWordStart = true
                    }
                }
                return utf8.count
            }
        }
    }

    /// `07700 900461` or `+44 7700 900461` → `07*** ***461`.
    public static func phone(_ value: String) -> String {
        var digits = Array(value.filter(\.isASCIIDigitCharacter))
        if digits.count == 12, digits.starts(with: ["4", "4"]) { digits = ["0"] + digits.dropFirst(2) }
        if digits.count == 13, digits.starts(with: ["4", "4", "0"]) { digits = Array(digits.dropFirst(2)) }
        guard digits.count >= 8 else { return String(repeating: "*", count: digits.count) }
        let head = String(digits.prefix(2)) + String(repeating: "*", count: 3)
        let tail = String(repeating: "*", count: max(0, digits.count - 8)) + String(digits.suffix(3))
        return head + " " + tail
    }

    /// `jo.smith@gmail.com` → `j***@gmail.com` (the same redaction decision rows give
    /// pupils' and parents' addresses).
    public static func email(_ value: String) -> String {
        if let ascii = asciiEmail(value) { return ascii }
        guard value.contains("@") else { return name(value) }
        return AddressRedaction.email(value)
    }

    /// `email(_:)` over the bytes of an ASCII value with an `@` and without a carriage
    /// return (where a byte is a Character): the first byte, `***@` and the domain
    /// lower-cased, as `AddressRedaction.email` makes it; nil for any other value.
    private static func asciiEmail(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), let at = utf8.lastIndex(of: 64) else { return nil }
            let head = at > 0 ? 1 : 0
            let count = head + 4 + (utf8.count - at - 1)
            return String(unsafeUninitializedCapacity: count) { output in
                if head == 1 { output[0] = utf8[0] }
                for (offset, byte) in "***@".utf8.enumerated() { output[head + offset] = byte }
                var index = head + 4
                for byte in utf8[(at + 1)...] {
                    output[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    index += 1
                }
                return count
            }
        }
    }

    /// `LS17 5EF` → `LS17 ***`: the outward code only.
    public static func postcode(_ value: String) -> String {
        let compact = value.uppercased().filter { !$0.isWhitespace }
        guard compact.count > 3 else { return "***" }
        return String(compact.dropLast(3)) + " ***"
    }

    /// A date of birth keeps its year only: `**/**/2012`.
    public static func date(year: Int) -> String {
        "**/**/\(year)"
    }

    /// `Siobhán Murphy - CIN plan 2014.docx` → `S****** M***** - C** p*** ****.docx`: a
    /// file or archive-member name that names a pupil keeps its shape (the first letter
    /// of each word, punctuation, folders and extension) and no letter or digit more.
    public static func filename(_ value: String) -> String {
        var stem = Substring(value)
        var suffix = ""
        if let dot = value.lastIndex(of: "."), dot != value.startIndex {
            let candidate = value[value.index(after: dot)...]
            if (1...5).contains(candidate.count), candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                stem = value[..<dot]
                suffix = "." + candidate
            }
        }
        var result = ""
        var atWordStart = true
        for character in stem {
            if character.isLetter {
                result.append(atWordStart ? character : "*")
                atWordStart = false
            } else if character.isNumber {
                result.append("*")
                atWordStart = false
            } else {
                result.append(character)
                atWordStart = true
            }
        }
        return result + suffix
    }

    /// A handle or secret: the first character and a fixed mask.
    public static func secret(_ value: String) -> String {
        (value.first.map { String($0) } ?? "") + "****"
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
