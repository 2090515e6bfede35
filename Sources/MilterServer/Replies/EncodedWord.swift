import Foundation

/// RFC 2047 `encoded-word`s for header text that is not plain ASCII:
/// `=?UTF-8?B?<base64>?=`, each word at most 75 characters and never splitting a
/// character, words separated by a space (which decoders drop between encoded words).
enum EncodedWord {
    /// Bytes of UTF-8 per word: 45 bytes → 60 base64 characters + 12 of framing = 72.
    static let bytesPerWord = 45

    /// The text unchanged when it is printable ASCII, else encoded words.
    static func encodeIfNeeded(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > bytesPerWord, !chunk.isEmpty {
                words.append(Self.word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(Self.word(chunk)) }
        return words.joined(separator: " ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }
}
