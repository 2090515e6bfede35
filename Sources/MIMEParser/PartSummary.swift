import ChaperoneModel

/// A compact, stable, `Codable` description of a part tree: what `chaperone inspect
/// --json` prints and what the golden-file tests compare. Long values are shortened and
/// bodies are given as a size, an FNV-1a digest and a short preview.
public struct PartSummary: Codable, Hashable, Sendable {
    public var path: String
    public var contentType: String
    public var parameters: [String: String]
    public var transferEncoding: String
    public var disposition: String?
    public var filename: String?
    public var encodedSize: Int
    public var decodedSize: Int
    public var bodyDigest: String?
    public var bodyPreview: String?
    /// `Name: decoded value` for every header field, values shortened to 120 characters.
    public var headers: [String]
    public var problems: [String]
    public var children: [PartSummary]

    public init(_ part: MIMEPart) {
        path = part.path
        contentType = part.contentType.mimeType
        parameters = part.contentType.parameters.mapValues { Self.shorten($0) }
        transferEncoding = part.transferEncoding.description
        disposition = part.disposition?.kind
        filename = part.filename
        encodedSize = part.encodedSize
        decodedSize = part.body.count
        if part.isLeaf {
            bodyDigest = Self.fnv1a(part.body)
            bodyPreview = Self.shorten(CharsetDecoder.utf8OrWindows1252(part.body.prefix(60)))
        }
        headers = part.headers.fields.map { "\($0.name): \(Self.shorten($0.decodedValue))" }
        problems = part.problems.map(\.description)
        children = part.children.map(PartSummary.init)
    }

    static func shorten(_ text: String, to limit: Int = 120) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…(\(text.utf8.count) bytes)"
    }

    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
