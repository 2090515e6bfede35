import MIMEParser

/// A TNEF stream (`winmail.dat`, `application/ms-tnef`, MS-OXTNEF) read into the
/// message's subject and bodies and its attached files.
///
/// ```
/// signature 0x223E9F78:32  key:16
/// attribute  level:8 (1 message, 2 attachment)  id:32 (type << 16 | name)  length:32
///            data[length]  checksum:16
/// ```
/// MAPI property lists (attMsgProps, attAttachment) are read by `TNEFProperties`.
/// Bounded: every length is checked against the bytes left before it is used.
struct TNEFStream {
    /// One attached file: its name and bytes (`nil` bytes when none were carried).
    struct Attachment {
        var name = ""
        var mimeType = ""
        var data: [UInt8]?
    }

    static let signature: UInt32 = 0x223E_9F78

    var subject: String?
    var plainBody: String?
    var htmlBody: [UInt8]?
    var compressedRTF: [UInt8]?
    var attachments: [Attachment] = []

    static func isTNEF(_ bytes: [UInt8]) -> Bool { bytes.u32(at: 0) == signature }

    init(_ bytes: [UInt8]) throws(CompoundFileError) {
        guard Self.isTNEF(bytes) else { throw .damaged("no TNEF signature") }
        var offset = 6
        while offset < bytes.count {
            guard let level = bytes.u8(at: offset), let id = bytes.u32(at: offset + 1), let length = bytes.u32(at: offset + 5),
                  let data = bytes.bytes(at: offset + 9, length: Int(length)).map(Array.init) else {
                throw .damaged("an attribute runs past the end of the stream")
            }
            offset += 9 + Int(length) + 2
            try attribute(level: level, id: id, data)
        }
    }

    private mutating func attribute(level: UInt8, id: UInt32, _ data: [UInt8]) throws(CompoundFileError) {
        switch (level, id) {
        case (1, 0x0001_8004):
            subject = Self.text(data)
        case (1, 0x0002_800C):
            plainBody = Self.text(data)
        case (1, 0x0006_9003):
            let properties = try TNEFProperties.parse(data)
            if let value = properties.string(0x0037) { subject = value }
            if let value = properties.string(0x1000) { plainBody = value }
            htmlBody = properties.binary(0x1013) ?? properties.string(0x1013).map { Array($0.utf8) }
            compressedRTF = properties.binary(0x1009)
        case (2, 0x0006_9002):
            attachments.append(Attachment())
        case (2, 0x0001_8010):
            if attachments.isEmpty { attachments.append(Attachment()) }
            if attachments[attachments.count - 1].name.isEmpty { attachments[attachments.count - 1].name = Self.text(data) }
        case (2, 0x0006_800F):
            if attachments.isEmpty { attachments.append(Attachment()) }
            attachments[attachments.count - 1].data = data
        case (2, 0x0006_9005):
            if attachments.isEmpty { attachments.append(Attachment()) }
            let properties = try TNEFProperties.parse(data)
            if let name = properties.string(0x3707) ?? properties.string(0x3704), !name.isEmpty {
                attachments[attachments.count - 1].name = name
            }
            if let mime = properties.string(0x370E) { attachments[attachments.count - 1].mimeType = mime }
            if let object = properties.binary(0x3701), attachments[attachments.count - 1].data == nil {
                attachments[attachments.count - 1].data = object
            }
        default:
            break
        }
    }

    /// An 8-bit TNEF string (windows-1252 unless valid UTF-8), trailing NULs removed.
    static func text(_ data: some Collection<UInt8>) -> String {
        var text = CharsetDecoder.utf8OrWindows1252(data)
        while text.last == "\0" { text.removeLast() }
        return text
    }
}
