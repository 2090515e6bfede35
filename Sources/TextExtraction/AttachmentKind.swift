/// How an attachment's content is read, from its content type and filename extension
/// (`init(contentType:filename:)`) and then from its magic bytes
/// (`resolved(bytes:isTextless:)`). Every kind has exactly one outcome: read for text,
/// recognised as media, allow-listed as carrying no text, or reported unscannable
/// (encrypted, or a format not read yet: the legacy-Office, Outlook, RTF and TNEF cases
/// are where their readers plug in).
enum AttachmentKind: Equatable {
    case plainText, html, csv, xml, pdf
    /// Any ZIP container: a plain archive, or OOXML / OpenDocument, told apart by its members.
    case zip
    /// gzip, bzip2, xz, zstd, tar, 7z or RAR, opened by libarchive.
    case archive
    /// A flat (single-XML) OpenDocument file: `.fodt`, `.fods`, `.fodp`.
    case flatOpenDocument
    /// A picture, sound or film; the string is the content type it was recognised as.
    case media(String)
    /// A type on the `attachments.textless_types` allow-list (detached signatures).
    case textless
    /// Content encrypted to its recipients; the string says how.
    case encrypted(String)
    /// An OLE2 compound file: `.doc`, `.xls`, `.ppt` (formats-b's reader slots in here).
    case legacyOffice
    /// An Outlook item (`.msg`).
    case outlookMessage
    case rtf
    /// A TNEF `winmail.dat`.
    case tnef
    /// A program (`.exe`, MZ or ELF bytes): not read; the executable-attachment check flags it.
    case program
    /// Nothing Chaperone can read.
    case unsupported

    init(contentType: String, filename: String) {
        let lowered = filename.lowercased()
        let ext = lowered.contains(".") ? String(lowered.split(separator: ".").last ?? "") : ""
        self = Self.byExtension[ext] ?? Self.byContentType[contentType] ?? Self.byFamily(contentType)
        if lowered == "winmail.dat" { self = .tnef }
        if case .media(let family) = self, !family.contains("/") {
            self = .media(contentType.hasPrefix(family + "/") ? contentType : family + "/" + ext)
        }
    }

    private static func byFamily(_ contentType: String) -> AttachmentKind {
        let family = contentType.split(separator: "/").first.map(String.init) ?? ""
        switch family {
        case "image", "audio", "video": return .media(contentType)
        case "text", "message", "multipart": return .plainText
        default: return contentType.hasSuffix("+xml") ? .xml : .unsupported
        }
    }

    /// The kind once the bytes have been looked at: a recognised signature wins over a
    /// label that disagrees (a PDF sent as octet-stream, a ZIP named `.dat`), an
    /// unlabelled part that reads as text is text, and allow-listed types stay textless
    /// only when their bytes are not something readable.
    func resolved(bytes: [UInt8], isTextless: Bool) -> AttachmentKind {
        if let format = ContentSniffer.format(of: bytes) {
            let sniffed = AttachmentKind(format: format)
            if sniffed.family == family { return self }
            if isTextBased, case .pdf = sniffed, !bytes.starts(with: Array("%PDF-".utf8)) { return self }
            if isTextBased, sniffed == .rtf { return self }
            return sniffed
        }
        if isTextless { return .textless }
        if self == .unsupported || self == .legacyOffice, bytes.isEmpty || ContentSniffer.looksLikeText(bytes) {
            // MIS exports often send HTML or CSV named .xls / .doc; so be it.
            let first = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0xEF }.first
            if first == UInt8(ascii: "<") { return .html }
            return .plainText
        }
        return self
    }

    init(format: ContentSniffer.Format) {
        switch format {
        case .pdf: self = .pdf
        case .zip: self = .zip
        case .sevenZip, .gzip, .bzip2, .xz, .zstd, .tar, .rar: self = .archive
        case .ole2: self = .legacyOffice
        case .encryptedOffice: self = .encrypted("password-protected Office document")
        case .rtf: self = .rtf
        case .tnef: self = .tnef
        case .program: self = .program
        case .pgpMessage: self = .encrypted("PGP")
        case .image(let type), .audio(let type), .video(let type): self = .media(type)
        }
    }

    /// Kinds that share a signature (an OLE2 file is a .doc or a .msg; media of any type).
    private var family: String {
        switch self {
        case .legacyOffice, .outlookMessage: "ole2"
        case .media: "media"
        case .encrypted: "encrypted"
        default: "\(self)"
        }
    }

    private var isTextBased: Bool {
        [.plainText, .html, .csv, .xml, .flatOpenDocument].contains(self)
    }
}
