/// A parsed `Content-Disposition`: `inline`, `attachment` or another lower-cased kind,
/// plus parameters (notably `filename`, RFC 2231 decoded).
public struct ContentDisposition: Hashable, Sendable {
    public var kind: String
    public var parameters: [String: String]

    public init(kind: String, parameters: [String: String] = [:]) {
        self.kind = kind
        self.parameters = parameters
    }

    public init(parsing text: String) {
        let parsed = HeaderParameters(parsing: text)
        self.init(kind: parsed.value.lowercased(), parameters: parsed.parameters)
    }

    public var isAttachment: Bool { kind == "attachment" }
    public var isInline: Bool { kind == "inline" }
    public var filename: String? { parameters["filename"].flatMap { $0.isEmpty ? nil : $0 } }
}
