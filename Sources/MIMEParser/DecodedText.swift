/// Text produced by decoding bytes in a charset, with how cleanly it went.
public struct DecodedText: Hashable, Sendable {
    /// The decoded text; undecodable bytes appear as U+FFFD or as windows-1252 characters.
    public var text: String
    /// The charset actually used (lower-cased canonical label).
    public var charset: String
    /// False when the label was unknown and a fallback charset was used.
    public var charsetKnown: Bool
    /// False when some bytes were not valid in the charset and were replaced.
    public var isClean: Bool

    public init(text: String, charset: String, charsetKnown: Bool = true, isClean: Bool = true) {
        self.text = text
        self.charset = charset
        self.charsetKnown = charsetKnown
        self.isClean = isClean
    }
}
