/// Decodes bytes labelled with a MIME charset into text. UTF-8, US-ASCII, ISO-8859-1 and
/// windows-1252 are decoded natively; every other charset goes through the C library's
/// `iconv`. Unknown labels and invalid bytes are decoded best-effort (UTF-8, then
/// windows-1252) and reported through `DecodedText.charsetKnown` / `isClean`.
public enum CharsetDecoder {
    /// Decodes `bytes` labelled `label` (case-insensitive; `nil` means unlabelled).
    public static func decode(_ bytes: some Collection<UInt8>, charset label: String?) -> DecodedText {
        let name = canonicalName(label)
        switch name {
        case nil:
            return bestEffort(bytes, charset: "utf-8", known: label == nil)
        case "utf-8", "us-ascii":
            return bestEffort(bytes, charset: name ?? "utf-8", known: true)
        case "iso-8859-1":
            return DecodedText(text: latin1(bytes), charset: "iso-8859-1")
        case "windows-1252":
            return DecodedText(text: Windows1252.decode(bytes), charset: "windows-1252")
        case let other?:
            if let text = IconvConverter.convert(Array(bytes), from: other) {
                return text
            }
            return bestEffort(bytes, charset: other, known: false)
        }
    }

    /// UTF-8 when the bytes are valid UTF-8, otherwise windows-1252 (what mail clients do
    /// with raw 8-bit header bytes and unlabelled text).
    public static func utf8OrWindows1252(_ bytes: some Collection<UInt8>) -> String {
        if let text = validUTF8(bytes) { return text }
        return Windows1252.decode(bytes)
    }

    /// The text when `bytes` are valid UTF-8, else `nil`.
    static func validUTF8(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    private static func bestEffort(_ bytes: some Collection<UInt8>, charset: String, known: Bool) -> DecodedText {
        if let text = validUTF8(bytes) {
            return DecodedText(text: text, charset: charset, charsetKnown: known)
        }
        return DecodedText(text: Windows1252.decode(bytes), charset: charset, charsetKnown: known, isClean: false)
    }

    private static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
