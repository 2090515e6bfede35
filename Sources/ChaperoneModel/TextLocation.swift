/// Where a piece of text came from inside a message, printed as `header:subject`,
/// `body:1.2`, `attachment:report.docx` or `attachment:pupils.xlsx#Sheet1!row 12`.
public struct TextLocation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The broad place a segment was found.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A header value (`name` is the lower-cased header name).
        case header
        /// A body part shown as the message text (`partPath` names it).
        case body
        /// The content of an attachment (`name` is its filename).
        case attachment
        /// An attachment's filename itself.
        case attachmentName = "attachment-name"
    }

    public var kind: Kind
    /// Header name (lower-cased) or attachment filename; empty for bodies.
    public var name: String
    /// Dotted MIME part path, e.g. `1.2`; `0` is the top-level entity.
    public var partPath: String
    /// Finer position inside an attachment (sheet, row, page, archive member), when known.
    public var detail: String?

    public init(kind: Kind, name: String = "", partPath: String = "0", detail: String? = nil) {
        self.kind = kind
        self.name = name
        self.partPath = partPath
        self.detail = detail
    }

    public static func header(_ name: String) -> TextLocation {
        TextLocation(kind: .header, name: name.lowercased())
    }

    public static func body(_ partPath: String) -> TextLocation {
        TextLocation(kind: .body, partPath: partPath)
    }

    public static func attachment(_ filename: String, partPath: String, detail: String? = nil) -> TextLocation {
        TextLocation(kind: .attachment, name: filename, partPath: partPath, detail: detail)
    }

    public var description: String {
        switch kind {
        case .header: "header:\(name)"
        case .body: "body:\(partPath)"
        case .attachment: "attachment:\(name)" + (detail.map { "#\($0)" } ?? "")
        case .attachmentName: "attachment-name:\(name)"
        }
    }

    /// True for an attachment's content or name (not the message text or headers).
    public var isAttachment: Bool { kind == .attachment || kind == .attachmentName }
}

extension TextLocation {
    /// Reads a location back from its `description` (`header:subject`, `body:1.2`,
    /// `attachment:report.docx#Sheet1!row 4`, `attachment-name:x.zip`), as problems
    /// carry it; nil for anything else (`message`, `part 1.2`).
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = String(text[..<colon])
        let rest = String(text[text.index(after: colon)...])
        switch kind {
        case "header": self = .header(rest)
        case "body": self = .body(rest)
        case "attachment-name": self.init(kind: .attachmentName, name: rest)
        case "attachment":
            if let hash = rest.lastIndex(of: "#") {
                self.init(kind: .attachment, name: String(rest[..<hash]), detail: String(rest[rest.index(after: hash)...]))
            } else {
                self.init(kind: .attachment, name: rest)
            }
        default: return nil
        }
    }
}
