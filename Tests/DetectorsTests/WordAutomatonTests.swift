import Testing
@testable import Detectors

/// The automaton built from sorted patterns against a brute-force search: same matches in
/// the same order, pattern numbers in order of first addition, values in order added
/// without repeats.
@Suite struct WordAutomatonTests {
    /// Deterministic patterns over a three-letter alphabet plus the separator, so
    /// prefixes, suffixes and repeats are common.
    static func patterns(seed: UInt64, count: Int) -> [[UInt8]] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let alphabet: [UInt8] = [97, 98, 99, NormalisedText.separator]
        return (0..<count).map { _ in
            var pattern = (0..<(1 + next() % 6)).map { _ in alphabet[next() % alphabet.count] }
            while pattern.first == NormalisedText.separator { pattern.removeFirst() }
            while pattern.last == NormalisedText.separator { pattern.removeLast() }
            return pattern
        }
    }

    /// Whole-word occurrences found by comparing every pattern at every position.
    static func bruteForce(_ patterns: [[UInt8]], in text: [UInt8]) -> Set<[Int]> {
        var found: Set<[Int]> = []
        for (number, pattern) in patterns.enumerated() where !pattern.isEmpty && pattern.count <= text.count {
            for start in 0...(text.count - pattern.count) where text[start..<(start + pattern.count)].elementsEqual(pattern) {
                let end = start + pattern.count
                if (start == 0 || text[start - 1] == NormalisedText.separator)
                    && (end == text.count || text[end] == NormalisedText.separator) {
                    found.insert([start, end, number])
                }
            }
        }
        return found
    }

    @Test(arguments: 0..<20)
    func matchesLikeBruteForce(seed: Int) {
        let added = Self.patterns(seed: UInt64(seed), count: 60)
        var builder = WordAutomatonBuilder()
        for (position, pattern) in added.enumerated() { builder.add(pattern, value: Int32(position % 7)) }
        let automaton = builder.build()
        // Distinct non-empty patterns in order of first addition, with their values.
        var distinct: [[UInt8]] = []
        var values: [[Int32]] = []
        for (position, pattern) in added.enumerated() where !pattern.isEmpty {
            let value = Int32(position % 7)
            if let number = distinct.firstIndex(of: pattern) {
                if !values[number].contains(value) { values[number].append(value) }
            } else {
                distinct.append(pattern)
                values.append([value])
            }
        }
        #expect(automaton.patternCount == distinct.count)
        for number in distinct.indices {
            #expect(Array(automaton.values(of: number)) == values[number])
            #expect(Int(automaton.patternLengths[number]) == distinct[number].count)
        }
        let words = Self.patterns(seed: UInt64(seed) + 1_000, count: 150)
        let texts = stride(from: 0, to: words.count, by: 5).map { Array(words[$0..<($0 + 5)].joined(separator: [32])) }
        // Separators doubled, leading and trailing too, so empty words come up.
        let spaced = texts.map { [32] + $0.flatMap { $0 == 32 ? [32, 32] : [$0] } + [32] }
        for text in texts + spaced + [Array(added.joined(separator: [32])), []] {
            var found: [[Int]] = []
            automaton.forEachWholeWordMatch(in: text) { found.append([$0, $1, $2]) }
            // Ordered as a left-to-right pass reports them: by end, then longest first.
            let expected = Self.bruteForce(distinct, in: text).sorted { $0[1] != $1[1] ? $0[1] < $1[1] : $0[0] < $1[0] }
            #expect(found == expected)
        }
    }

    @Test func emptyAutomatonMatchesNothing() {
        let automaton = WordAutomatonBuilder().build()
        var matches = 0
        automaton.forEachWholeWordMatch(in: Array("any text at all".utf8)) { _, _, _ in matches += 1 }
        #expect(matches == 0 && automaton.stateCount == 1 && automaton.patternCount == 0)
    }

    @Test func sharedPrefixesShareStates() {
        var builder = WordAutomatonBuilder()
        for word in ["okafor", "okafor amara", "oka", "okafor"] { builder.add(Array(word.utf8), value: 1) }
        let automaton = builder.build()
        // Word prefixes "okafor", "okafor amara" and "oka", and the root.
        #expect(automaton.stateCount == 4 && automaton.patternCount == 3)
    }
}
