import ChaperoneModel
import SeededRandom
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
        let spaced: [[UInt8]] = texts.map { text in
            var doubled: [UInt8] = [32]
            for byte in text { doubled += byte == 32 ? [32, 32] : [byte] }
            return doubled + [32]
        }
        let all: [[UInt8]] = texts + spaced + [Array(added.joined(separator: [32])), []]
        for text in all {
            let found = automaton.wholeWordMatches(in: text).map { [$0.start, $0.end, $0.pattern] }
            // Ordered as a left-to-right pass reports them: by end, then longest first.
            let expected = Self.bruteForce(distinct, in: text).sorted { $0[1] != $1[1] ? $0[1] < $1[1] : $0[0] < $1[0] }
            #expect(found == expected)
        }
    }

    /// Words long enough to hash in eight-byte pieces and to run past the 16 bytes a
    /// node holds inline (up to 40), bytes from the whole range (the separator doubled,
    /// UTF-8 lead bytes, 0xFF, NUL, which the inline copy pads with), and texts made of
    /// the patterns themselves with one byte changed here and there.
    @Test(arguments: 0..<12)
    func longWordsMatchLikeBruteForce(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let bytes: [UInt8] = [97, 98, 0xC3, 0xA9, 0xFF, 0, 7, NormalisedText.separator]
        func word() -> [UInt8] { (0..<(1 + next(next(2) == 0 ? 19 : 40))).map { _ in bytes[next(bytes.count - 1)] } }
        var added: [[UInt8]] = []
        for _ in 0..<80 {
            var pattern = word()
            for _ in 0..<next(3) { pattern += [NormalisedText.separator] + (next(5) == 0 ? [] : word()) }
            added.append(pattern)
        }
        var builder = WordAutomatonBuilder()
        for (position, pattern) in added.enumerated() { builder.add(pattern, value: Int32(position)) }
        let automaton = builder.build()
        var distinct: [[UInt8]] = []
        for pattern in added where !distinct.contains(pattern) { distinct.append(pattern) }
        #expect(automaton.patternCount == distinct.count)
        for _ in 0..<20 {
            var text: [UInt8] = []
            for _ in 0..<(1 + next(12)) {
                if !text.isEmpty { text.append(NormalisedText.separator) }
                var piece = next(3) == 0 ? word() : added[next(added.count)]
                if next(4) == 0, !piece.isEmpty { piece[next(piece.count)] = bytes[next(bytes.count)] }
                text += piece
            }
            let found = automaton.wholeWordMatches(in: text).map { [$0.start, $0.end, $0.pattern] }
            let expected = Self.bruteForce(distinct, in: text).sorted { $0[1] != $1[1] ? $0[1] < $1[1] : $0[0] < $1[0] }
            #expect(found == expected)
        }
    }

    /// A trust's shared first-word filter holds every school's first words, so each
    /// school finds exactly what it finds with its own filter.
    @Test func aSharedFirstWordFilterFindsWhatEachSchoolsOwnFinds() {
        let schools = [TestSchool.roster, Roster(students: TestSchool.generated(60)), Roster(students: Array(TestSchool.students.prefix(3)))]
        let engines = schools.map { DetectionEngine(roster: $0, thresholds: .init()) }
        let shared = SharedFirstWords(engines)
        var texts = ["Jonah Pemberton was off today; Summer Brook and Will Parker were not.",
                     "Sam Ackroyd, Ali Rahman and Zoë Okafor-Brennan of 17 Larchfield Road LS17 7PX", ""]
        let generated = TestSchool.generated(60)
        texts += stride(from: 0, to: generated.count, by: 7).map { index in
            let pupil = generated[index]
            return "Dear parents, \(pupil.legalForename) \(pupil.surname) and \(pupil.surname), \(pupil.legalForename) were absent."
        }
        for (engine, roster) in zip(engines, schools) {
            let sharing = engine.sharing(shared)
            // The engine reads the trust's filter, not its own.
            #expect(sharing.index.automaton.firstWords == shared.blocks && sharing.index.automaton.starts == shared.starts)
            var found = 0
            for text in texts {
                let content = MessageContent(segments: [TextSegment(location: .body("1"), role: .prose, text: text)])
                let own = engine.findings(in: content)
                found += own.count
                #expect(sharing.findings(in: content) == own, "\(roster.students.count) pupils: \(text)")
            }
            #expect(found > 0, "every school's pupils are named in the texts")
        }
    }

    /// A text word with the same hash as a pattern's word and the same length is still
    /// no match, whether it differs in the first 16 bytes (which a node holds inline) or
    /// only after them (compared in `wordBytes`). The colliding words are made by running
    /// the word hash backwards over one eight-byte piece, so this fails loudly if the
    /// hash changes.
    @Test(arguments: [(free: 3, kept: 0..<16), (free: 1, kept: 16..<32)])
    func aWordWhoseHashCollidesIsNoMatch(free: Int, kept: Range<Int>) throws {
        func inverse(_ odd: UInt64) -> UInt64 {
            var inverse = odd
            for _ in 0..<6 { inverse = inverse &* (2 &- odd &* inverse) }
            return inverse
        }
        func unshift(_ value: UInt64, _ shift: UInt64) -> UInt64 {
            var result = value
            for _ in 0..<(64 / shift + 1) { result = value ^ (result >> shift) }
            return result
        }
        // One eight-byte step of `wordHash`, and its inverse.
        func step(_ state: UInt64, _ piece: UInt64) -> UInt64 {
            let mixed = (state ^ piece) &* 0xBF58_476D_1CE4_E5B9
            return mixed ^ (mixed >> 31)
        }
        func unstep(_ state: UInt64) -> UInt64 { unshift(state, 31) &* inverse(0xBF58_476D_1CE4_E5B9) }
        let pattern = Array("abcdefghijklmnopqrstuvwxyz012345".utf8)
        let target = pattern.withUnsafeBufferPointer { WordAutomaton.wordHash($0, 0, $0.count) }
        var generator = SplitMix64(state: 5)
        var colliding: [UInt8]?
        for _ in 0..<1_000 where colliding == nil {
            // The kept bytes are the pattern's; the others (but the free piece) random letters.
            var word = pattern.indices.map { kept.contains($0) ? pattern[$0] : UInt8(ascii: "a") + UInt8(generator.next() % 26) }
            func piece(_ index: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(word[index * 8 + $1]) << (8 * UInt64($1)) } }
            var before = UInt64(32) &* 0x9E37_79B9_7F4A_7C15
            for index in 0..<free { before = step(before, piece(index)) }
            // Back from the pattern's hash (no tail: 32 bytes) through the pieces after the free one.
            var after = unshift(target, 29) &* inverse(0x94D0_49BB_1331_11EB)
            for index in stride(from: 3, to: free, by: -1) { after = unstep(after) ^ piece(index) }
            let solved = unstep(after) ^ before
            word.replaceSubrange(free * 8..<free * 8 + 8, with: (0..<8).map { UInt8(truncatingIfNeeded: solved >> (8 * UInt64($0))) })
            if !word.contains(NormalisedText.separator), word != pattern { colliding = word }
        }
        let word = try #require(colliding)
        #expect(word.count == pattern.count && Array(word[kept]) == Array(pattern[kept]))
        #expect(word.withUnsafeBufferPointer { WordAutomaton.wordHash($0, 0, $0.count) } == target, "the constructed word collides")
        var builder = WordAutomatonBuilder()
        builder.add(pattern, value: 1)
        let automaton = builder.build()
        #expect(automaton.wholeWordMatches(in: word).isEmpty, "a colliding word is not the pattern")
        #expect(automaton.wholeWordMatches(in: pattern).count == 1)
    }

    @Test func emptyAutomatonMatchesNothing() {
        let automaton = WordAutomatonBuilder().build()
        let matches = automaton.wholeWordMatches(in: Array("any text at all".utf8)).count
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
