/// Whole-word keyword search in a window of raw bytes around a match, used to raise
/// confidence when an identifier is introduced by its name ("NHS no", "UPN:").
enum ContextWords {
    static let upn = ["upn", "unique pupil number", "pupil number"]
    static let uln = ["uln", "unique learner number", "learner number"]
    static let nhs = ["nhs", "health service", "chi number", "nhs no", "hospital number", "health"]
    static let nino = ["national insurance", "ni number", "ni no", "nino", "insurance number", "ni"]
    static let dateOfBirth = ["dob", "d o b", "date of birth", "born", "birthday", "birth date", "d.o.b"]

    /// True when any of `words` appears whole-word within `before` bytes before or
    /// `after` bytes after `range`.
    static func appear(_ words: [String], in bytes: [UInt8], around range: Range<Int>, before: Int, after: Int) -> Bool {
        let lower = max(0, range.lowerBound - before), upper = min(bytes.count, range.upperBound + after)
        let window = bytes[lower..<upper].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return words.contains { contains(Array($0.utf8), in: window) }
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle),
               index == 0 || !EmailScanner.isAlphanumeric(haystack[index - 1]),
               index + needle.count == haystack.count || !EmailScanner.isAlphanumeric(haystack[index + needle.count]) {
                return true
            }
            index += 1
        }
        return false
    }
}
