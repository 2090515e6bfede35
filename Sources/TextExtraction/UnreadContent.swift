import ChaperoneModel

/// Why a part or archive member was left unread, reported as an `unscannable` problem
/// (which becomes an `unscannable-content` finding that `unscannable_outside` acts on).
/// Every message names the part's type and the reason.
enum UnreadContent {
    case unsupportedFormat
    case encrypted(String)
    case damaged

    var reason: String {
        switch self {
        case .unsupportedFormat: "unsupported format"
        case .encrypted: "encrypted"
        case .damaged: "damaged"
        }
    }

    func problem(type: String, at location: TextLocation, detail: String? = nil) -> ScanProblem {
        let what = type.isEmpty ? "content" : type
        let sentence = switch self {
        case .unsupportedFormat: "\(what) is a format Chaperone cannot read" + (detail.map { " (\($0))" } ?? "")
        case .encrypted(let how): "\(what) is encrypted (\(how)) and cannot be read" + (detail.map { " (\($0))" } ?? "")
        case .damaged: "\(what) is damaged and could not be read" + (detail.map { " (\($0))" } ?? "")
        }
        return ScanProblem(kind: .unscannable, location: location.description,
                           message: "Not scanned, \(reason): \(sentence).")
    }
}

extension AttachmentKind {
    /// The reason a kind is never read, or nil for kinds that are read or are media.
    var unreadReason: UnreadContent? {
        switch self {
        case .encrypted(let how): .encrypted(how)
        case .legacyOffice, .outlookMessage, .rtf, .tnef, .unsupported: .unsupportedFormat
        default: nil
        }
    }

    /// A short name for the kind, used when a part has no content type (archive members).
    var typeName: String {
        switch self {
        case .legacyOffice: "legacy Office (OLE2) document"
        case .outlookMessage: "Outlook message"
        case .rtf: "RTF document"
        case .tnef: "TNEF (winmail.dat)"
        case .program: "program"
        case .encrypted(let how): how
        case .media(let type): type
        case .plainText: "text/plain"
        case .html: "text/html"
        case .csv: "text/csv"
        case .xml: "application/xml"
        case .pdf: "application/pdf"
        case .zip: "application/zip"
        case .archive: "compressed archive"
        case .flatOpenDocument: "flat OpenDocument"
        case .unsupported: "binary file of unknown type"
        default: "\(self)"
        }
    }
}

extension ScanProblem {
    /// The reason in a few words for a problem that left content unread.
    var unreadReason: String {
        if kind == .limitHit { return "over a limit (\(limit ?? "limit"))" }
        let prefix = "Not scanned, "
        if message.hasPrefix(prefix), let colon = message.firstIndex(of: ":") {
            return String(message[message.index(message.startIndex, offsetBy: prefix.count)..<colon])
        }
        return "unreadable"
    }

    /// Whether the problem is about the attachment at `location` (or a member of it).
    func concerns(_ location: TextLocation) -> Bool {
        self.location == location.description || self.location.hasPrefix(location.description + "#")
    }
}
