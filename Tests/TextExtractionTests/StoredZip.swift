/// Writes minimal ZIP archives with stored (uncompressed) members, so the tests build
/// their own DOCX/XLSX/ZIP attachments without any other tool.
enum StoredZip {
    static func archive(_ members: [(String, [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for (name, data) in members {
            let offset = output.count
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            var local: [UInt8] = le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0)
            local += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0)
            output += local + nameBytes + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0)
            central += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + nameBytes
        }
        let centralOffset = output.count
        output += central
        output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        output += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
        return output
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A MIME message carrying `bytes` base64-encoded as an attachment named `filename`.
    static func message(attaching bytes: [UInt8], filename: String, type: String = "application/octet-stream") -> [UInt8] {
        let lines = [
            "Content-Type: multipart/mixed; boundary=z", "", "--z", "", "See attached.",
            "--z", "Content-Type: \(type)", "Content-Disposition: attachment; filename=\"\(filename)\"",
            "Content-Transfer-Encoding: base64", "", base64(bytes), "--z--",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[Int((value >> (18 - 6 * position)) & 0x3F)] : "=")
            }
            index += 3
            if index % 57 == 0 { output += "\r\n" }
        }
        return output
    }
}

extension StoredZip {
    /// The archive with every member flagged as encrypted (general-purpose bit 0).
    static func flaggingEncrypted(_ archive: [UInt8]) -> [UInt8] {
        var bytes = archive
        var index = 0
        while index + 8 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
                if bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 { bytes[index + 6] |= 1 }
                if bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 { bytes[index + 8] |= 1 }
            }
            index += 1
        }
        return bytes
    }
}
