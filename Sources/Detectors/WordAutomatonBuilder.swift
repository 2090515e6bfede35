/// Collects patterns (normalised byte strings) with integer values and builds a
/// `WordAutomaton`. Adding the same pattern twice appends to its values. Patterns are
/// numbered in the order they were first added, and each keeps its values in the
/// order they were added, without repeats.
///
/// `build()` sorts the patterns to find the distinct ones (equal patterns are neighbours),
/// then makes the word trie from them in pattern-number order.
struct WordAutomatonBuilder {
    /// Every added pattern's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Each `add` call's pattern, as a range of `bytes`, and its value.
    private var added: [(range: Range<Int32>, value: Int32)] = []

    /// Adds `pattern` (already normalised, no leading or trailing separator).
    mutating func add(_ pattern: [UInt8], value: Int32) {
        guard !pattern.isEmpty else { return }
        let start = Int32(bytes.count)
        bytes += pattern
        added.append((start..<Int32(bytes.count), value))
    }

    /// Adds the pattern `words` joined by single separators (a name's forms: "given family",
    /// "given middle family"), without making the joined array.
    mutating func add(words: [[UInt8]], value: Int32) {
        let start = Int32(bytes.count)
        for (position, word) in words.enumerated() {
            if position > 0 { bytes.append(NormalisedText.separator) }
            bytes += word
        }
        guard Int32(bytes.count) > start else { return }
        added.append((start..<Int32(bytes.count), value))
    }

    /// Adds the pattern `first second` or `first second third` (a name's forms), as
    /// `add(words:value:)` without the array of words.
    mutating func add(_ first: [UInt8], _ second: [UInt8], _ third: [UInt8]?, value: Int32) {
        let start = Int32(bytes.count)
        bytes += first
        bytes.append(NormalisedText.separator)
        bytes += second
        if let third {
            bytes.append(NormalisedText.separator)
            bytes += third
        }
        added.append((start..<Int32(bytes.count), value))
    }

    /// Builds the automaton: the distinct patterns from the sorted list, then the word
    /// trie and its slots.
    func build() -> WordAutomaton {
        bytes.withUnsafeBufferPointer { buffer in
            let sorted = sortedAdditions(buffer)
            let trie = Trie(sorted: sorted, additions: added, bytes: buffer)
            return trie.automaton(buffer)
        }
    }

    /// Positions in `added`, ordered by pattern bytes and, for equal patterns, by when
    /// they were added.
    private func sortedAdditions(_ buffer: UnsafeBufferPointer<UInt8>) -> SortedAdditions {
        AdditionSort(starts: added.map(\.range.lowerBound), lengths: added.map { Int32($0.range.count) }).sorted(buffer)
    }
}
