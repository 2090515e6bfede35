/// The two roster formats, told apart by content rather than file name.
enum RosterFormat {
    case csv
    case ctf

    /// XML when the first non-blank character (after any BOM) is `<`.
    static func sniff(_ bytes: [UInt8]) -> RosterFormat {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return bytes.count > 3 && (bytes[2] == 60 || bytes[3] == 60) ? .ctf : .csv
        }
        while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == 60 ? .ctf : .csv
    }
}
