import MIMEParser

/// An Outlook item (`.msg`, MS-OXMSG) read from a compound file storage: its header
/// fields, bodies (plain, HTML, compressed RTF) and attachments, each attachment either
/// bytes or another item stored inside (`__substg1.0_3701000D`).
///
/// Properties are streams named `__substg1.0_PPPPTTTT`: PPPP the property id, TTTT its
/// type (001F UTF-16LE string, 001E 8-bit string, 0102 binary).
struct OutlookMessage {
    /// One attachment: its name, declared MIME type and content.
    struct Attachment {
        enum Content {
            case bytes([UInt8])
            case item(storage: Int)
            case none
        }

        var name: String
        var mimeType: String
        var content: Content
    }

    var fields: [(place: String, text: String)] = []
    var plainBody: String?
    var htmlBody: [UInt8]?
    var compressedRTF: [UInt8]?
    var attachments: [Attachment] = []

    /// Property ids of the header fields kept, with the place each is reported at.
    static let headerFields: [(id: String, place: String)] = [
        ("0037", "subject"), ("0C1A", "from"), ("0C1F", "from"), ("0042", "from"), ("0E04", "to"), ("0E03", "cc"),
        ("0E02", "bcc"), ("007D", "headers"),
    ]

    static func isOutlookItem(_ file: CompoundFile, storage: Int = 0) -> Bool {
        file.children(of: storage).contains { file.entries[$0].name.hasPrefix("__substg1.0_") || file.entries[$0].name == "__properties_version1.0" }
    }

    init(_ file: CompoundFile, storage: Int, budget: inout Int) throws(CompoundFileError) {
        for (id, place) in Self.headerFields {
            if let text = try Self.string(file, storage, id, budget: &budget), !text.isEmpty { fields.append((place, text)) }
        }
        plainBody = try Self.string(file, storage, "1000", budget: &budget)
        htmlBody = try Self.binary(file, storage, "1013", budget: &budget)
        if htmlBody == nil { htmlBody = try Self.string(file, storage, "1013", budget: &budget).map { Array($0.utf8) } }
        compressedRTF = try Self.binary(file, storage, "1009", budget: &budget)
        var recipients: [String] = []
        for child in file.children(of: storage) {
            let name = file.entries[child].name
            if name.hasPrefix("__recip_version1.0_") {
                let display = try Self.string(file, child, "3001", budget: &budget) ?? ""
                var address = try Self.string(file, child, "39FE", budget: &budget)
                if address == nil { address = try Self.string(file, child, "3003", budget: &budget) }
                recipients.append([display, address ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
            } else if name.hasPrefix("__attach_version1.0_") {
                attachments.append(try Self.attachment(file, child, budget: &budget))
            }
        }
        if !recipients.isEmpty { fields.append(("recipients", recipients.joined(separator: "\n"))) }
    }

    private static func attachment(_ file: CompoundFile, _ storage: Int, budget: inout Int) throws(CompoundFileError) -> Attachment {
        var name = try string(file, storage, "3707", budget: &budget)
        if name == nil { name = try string(file, storage, "3704", budget: &budget) }
        if name == nil { name = try string(file, storage, "3001", budget: &budget) }
        let mime = try string(file, storage, "370E", budget: &budget) ?? ""
        if let item = file.child(named: "__substg1.0_3701000D", of: storage), file.entries[item].isStorage {
            return Attachment(name: name ?? "item.msg", mimeType: "application/vnd.ms-outlook", content: .item(storage: item))
        }
        if let data = try binary(file, storage, "3701", budget: &budget) {
            return Attachment(name: name ?? "attachment", mimeType: mime, content: .bytes(data))
        }
        return Attachment(name: name ?? "attachment", mimeType: mime, content: .none)
    }

    private static func string(_ file: CompoundFile, _ storage: Int, _ id: String, budget: inout Int) throws(CompoundFileError) -> String? {
        if let wide = try file.stream(named: "__substg1.0_\(id)001F", in: storage, budget: &budget) {
            return utf16LittleEndian(wide).trimmingNulls()
        }
        if let narrow = try file.stream(named: "__substg1.0_\(id)001E", in: storage, budget: &budget) {
            return CharsetDecoder.utf8OrWindows1252(narrow).trimmingNulls()
        }
        return nil
    }

    private static func binary(_ file: CompoundFile, _ storage: Int, _ id: String, budget: inout Int) throws(CompoundFileError) -> [UInt8]? {
        try file.stream(named: "__substg1.0_\(id)0102", in: storage, budget: &budget)
    }
}

extension String {
    fileprivate func trimmingNulls() -> String {
        var text = self
        while text.last == "\0" { text.removeLast() }
        return text
    }
}
