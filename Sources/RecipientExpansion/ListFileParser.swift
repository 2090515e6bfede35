import ChaperoneModel

/// Reads a list file: one list per entry, in the aliases(5) shape Postfix admins know,
///
///     governors@school.sch.uk: chair@school.sch.uk, j.smith@gmail.com
///     year9-tutors@school.sch.uk  a.tutor@school.sch.uk b.tutor@school.sch.uk
///         c.tutor@school.sch.uk        (a line starting with white space continues)
///     # comments and blank lines are ignored
///
/// Pure and bounded: `maxBytes` (`expansion.max_list_bytes`) is checked first, and every
/// malformed entry is an error with its line number.
public enum ListFileParser {
    public static func parse(_ bytes: [UInt8], file: String, maxBytes: Int = Configuration.Expansion().maxListBytes) throws(ExpansionError) -> AliasTable {
        guard bytes.count <= maxBytes else {
            throw .listFile(file: file, line: 0, reason: "larger than \(maxBytes) bytes (expansion.max_list_bytes); split the lists or keep them in a Postfix map")
        }
        var entries: [String: [String]] = [:]
        var current: (key: String, line: Int)?
        for (index, rawLine) in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            let line = rawLine
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.first == " " || line.first == "\t" {
                guard let key = current?.key else {
                    throw .listFile(file: file, line: number, reason: "a continuation line (starting with a space) comes before any list")
                }
                entries[key, default: []] += try members(trimmed, file: file, line: number)
                continue
            }
            let separator = trimmed.firstIndex { $0 == ":" || $0 == " " || $0 == "\t" } ?? trimmed.endIndex
            let key = String(trimmed[..<separator]).lowercased()
            guard key.contains("@"), !key.hasPrefix("@"), !key.hasSuffix("@") else {
                throw .listFile(file: file, line: number, reason: "'\(key)' is not a list address: write list@domain: member, member")
            }
            guard entries[key] == nil else {
                throw .listFile(file: file, line: number, reason: "\(key) is listed twice (first on line \(current?.line ?? 0)); give each list once")
            }
            var rest = trimmed[separator...]
            if rest.first == ":" { rest = rest.dropFirst() }
            entries[key] = try members(String(rest).trimmingWhitespace, file: file, line: number)
            current = (key, number)
        }
        return AliasTable(entries)
    }

    static func members(_ text: String, file: String, line: Int) throws(ExpansionError) -> [String] {
        let members = AliasValue.split(text)
        for member in members where !member.contains("@") {
            throw .listFile(file: file, line: line, reason: "'\(member)' is not an email address: write members as name@domain")
        }
        return members
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
