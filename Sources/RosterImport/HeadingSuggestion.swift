import Detectors

/// The known heading an unknown CSV heading most likely meant ("UPM" → "UPN",
/// "Legal Surnme" → "Legal Surname"), so a typo that would silently drop a column is
/// shown. Headings are compared as `MISColumn.key` normalises them, by edit distance;
/// a suggestion is made only when the distance is small for the heading's length.
/// Bounded: headings longer than `maxHeadingLength` are not compared.
public enum HeadingSuggestion {
    /// Headings longer than this (after normalising) get no suggestion.
    public static let maxHeadingLength = 64

    /// Every heading the pupil-export reader knows, in `MISColumn`'s spelling.
    public static let pupilHeadings: [String] = MISColumn.allCases.flatMap { MISColumn.aliases[$0] ?? [] }

    /// The closest of `known` to `heading`, or nil when none is close enough.
    public static func closest(to heading: String, among known: [String]) -> String? {
        let key = Array(MISColumn.key(heading).unicodeScalars)
        guard !key.isEmpty, key.count <= maxHeadingLength else { return nil }
        let allowed = key.count <= 4 ? 1 : 2
        var best: (heading: String, distance: Int)?
        for candidate in known {
            let candidateKey = Array(MISColumn.key(candidate).unicodeScalars)
            guard abs(candidateKey.count - key.count) <= allowed else { continue }
            let distance = editDistance(key, candidateKey)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.heading
    }

    /// Levenshtein distance, with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
