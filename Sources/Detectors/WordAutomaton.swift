import ChaperoneModel

/// Finds every whole-word occurrence of its patterns (normalised byte strings: words
/// joined by `NormalisedText.separator`) in one pass over a text's words. Built once per
/// roster load.
///
/// It is a trie whose edges are whole words, not bytes. A whole-word occurrence starts
/// where a word starts and ends where a word ends, so the pass tries every word start:
/// it hashes the word once and looks it up under the root in one open-addressed table
/// keyed by (node, word); only when that finds a node does it go on to the next word.
/// No failure links are needed. A pass costs about one table probe per word, whatever
/// the number of patterns, and touches a cache line or two per word rather than several
/// per byte, which is what keeps a trust's hundred schools cheap when each school's
/// table is cold in the cache by the time its next message comes.
///
/// Layout: one flat array each for the slots, the nodes, the nodes' word bytes and the
/// patterns' values, so a 1,500-pupil school's table is a few hundred kilobytes in a
/// handful of allocations. A class, immutable: a scan that reads it through its roster
/// index retains one object rather than each of its seven arrays (on a trust's hundred
/// schools, every retain of a cold array is a cache miss).
final class WordAutomaton: Sendable {
    static let none: Int32 = -1

    /// One trie node past the root: the node it hangs from (0 is the root), where its
    /// word sits in `wordBytes`, the pattern that ends here, or `none`, and whether any
    /// pattern goes on past it (else the pass does not look up the next word).
    ///
    /// The node also carries its word's first 16 bytes (`head`), so a lookup compares a
    /// word of up to 16 bytes (nearly every name) without reading `wordBytes`: on a
    /// school that is cold in the cache, a step down the trie costs the slot and the node
    /// (32 bytes, one cache line), not a third line for the word.
    struct Node: Sendable, Equatable {
        var parent: Int32
        var wordStart: Int32
        /// `wordLength << 1`, with the low bit set when the node has children.
        private var lengthAndChildren: UInt32
        var pattern: Int32
        /// The word's bytes 0..<8 and 8..<16 as little-endian integers, zero past its end.
        let head: (UInt64, UInt64)

        init(parent: Int32, wordStart: Int32, word: UnsafeBufferPointer<UInt8>, pattern: Int32) {
            precondition(word.count < 1 << 31, "a pattern word longer than 2 GB")
            self.parent = parent
            self.wordStart = wordStart
            self.lengthAndChildren = UInt32(word.count) << 1
            self.pattern = pattern
            self.head = WordAutomaton.head(word, 0, word.count)
        }

        var wordLength: Int32 { Int32(lengthAndChildren >> 1) }

        var hasChildren: Bool {
            get { lengthAndChildren & 1 != 0 }
            set { lengthAndChildren = newValue ? lengthAndChildren | 1 : lengthAndChildren & ~1 }
        }

        static func == (a: Node, b: Node) -> Bool {
            a.parent == b.parent && a.wordStart == b.wordStart && a.lengthAndChildren == b.lengthAndChildren
                && a.pattern == b.pattern && a.head == b.head
        }
    }

    /// Open-addressed, linearly probed, a power of two in number (at most half full):
    /// each non-empty slot is `tag << 32 | node`, the tag being the high half of the
    /// (parent, word) hash with its low bit set, so 0 marks an empty slot.
    let slots: [UInt64]
    /// A blocked Bloom filter of the root's children (the patterns' first words): two
    /// bits of one 64-bit block per word, about 12 bits per word. Most text words start
    /// no pattern, and this few-kilobyte table answers them, so a pass over a cold
    /// school touches its slots only for the words that may be names.
    let firstWords: [UInt64]
    /// A blocked Bloom filter of how patterns start, by the words' content alone: each
    /// one-word pattern, and each pattern's first two words (`startKey`). A word that
    /// passes `firstWords` enters the trie only when it is a one-word pattern here or
    /// starts a pattern together with the word after it, so the house number in "room 12
    /// on Friday" (the first word of many address lines) reads none of the school's own
    /// tables. Shared across a trust like `firstWords`.
    let starts: [UInt64]
    /// Every node; index 0 is the root, which has no word.
    let nodes: [Node]
    let wordBytes: [UInt8]
    /// Length in bytes of each pattern.
    let patternLengths: [Int32]
    /// Values attached to pattern `p` by the builder: `valueList[valueStart[p]..<valueStart[p + 1]]`
    /// (one flat array, not an array per pattern).
    let valueStart: [Int32]
    let valueList: [Int32]

    init(slots: [UInt64], firstWords: [UInt64], starts: [UInt64], nodes: [Node], wordBytes: [UInt8], patternLengths: [Int32],
         valueStart: [Int32], valueList: [Int32]) {
        self.slots = slots
        self.firstWords = firstWords
        self.starts = starts
        self.nodes = nodes
        self.wordBytes = wordBytes
        self.patternLengths = patternLengths
        self.valueStart = valueStart
        self.valueList = valueList
    }

    /// This automaton with `firstWords` and `starts` in place of its own filters (a
    /// trust's shared ones, which must hold every key of this automaton's own).
    func reading(firstWords: [UInt64], starts: [UInt64]) -> WordAutomaton {
        WordAutomaton(slots: slots, firstWords: firstWords, starts: starts, nodes: nodes, wordBytes: wordBytes,
                      patternLengths: patternLengths, valueStart: valueStart, valueList: valueList)
    }

    /// The values attached to `pattern`, in the order they were added.
    @inline(__always)
    func values(of pattern: Int) -> ArraySlice<Int32> {
        valueList[Int(valueStart[pattern])..<Int(valueStart[pattern + 1])]
    }

    var patternCount: Int { patternLengths.count }
    /// Trie nodes, the root included.
    var stateCount: Int { nodes.count }

    /// One whole-word occurrence of a pattern: `text[start..<end]` is pattern `pattern`.
    typealias Match = (start: Int, end: Int, pattern: Int)

    /// Every pattern occurrence that starts and ends on a word boundary (a separator or
    /// the edge of the text), ordered by end and, for one end, longest first. The tables
    /// are read through buffer pointers (every index comes from the tables themselves,
    /// which the builder made consistent).
    func wholeWordMatches(in text: [UInt8]) -> [Match] {
        guard !patternLengths.isEmpty else { return [] }
        var found: [Match] = []
        text.withUnsafeBufferPointer { buffer in
            slots.withUnsafeBufferPointer { slots in
                nodes.withUnsafeBufferPointer { nodes in
                    wordBytes.withUnsafeBufferPointer { words in
                        firstWords.withUnsafeBufferPointer { filter in
                            starts.withUnsafeBufferPointer { starts in
                                let tables = Tables(slots: slots, mask: slots.count - 1, nodes: nodes, words: words,
                                                    firstWords: filter, firstWordMask: filter.count - 1,
                                                    starts: starts, startMask: starts.count - 1)
                                Self.walk(buffer, tables) { found.append(($0, $1, $2)) }
                            }
                        }
                    }
                }
            }
        }
        // Found by start; a longer occurrence can end after a later one starts.
        var sorted = true
        for index in found.indices.dropFirst() where Self.precedes(found[index], found[index - 1]) { sorted = false; break }
        if !sorted { found.sort(by: Self.precedes) }
        return found
    }

    @inline(__always)
    private static func precedes(_ a: Match, _ b: Match) -> Bool {
        a.end != b.end ? a.end < b.end : a.start < b.start
    }

    /// The tables of one pass, borrowed.
    struct Tables {
        let slots: UnsafeBufferPointer<UInt64>
        let mask: Int
        let nodes: UnsafeBufferPointer<Node>
        let words: UnsafeBufferPointer<UInt8>
        let firstWords: UnsafeBufferPointer<UInt64>
        let firstWordMask: Int
        let starts: UnsafeBufferPointer<UInt64>
        let startMask: Int

        /// The root's child whose word is `text[start..<end]`, or `none`: the filters
        /// first (`firstWords`, then `starts` with the word after it, if any).
        @inline(__always)
        func firstWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
            let word = WordAutomaton.wordHash(text, start, end)
            let mixed = WordAutomaton.edgeHash(parent: 0, word: word)
            guard WordAutomaton.filterHolds(firstWords, mixed, mask: firstWordMask) else { return WordAutomaton.none }
            if !WordAutomaton.filterHolds(starts, WordAutomaton.startKey(word, nil), mask: startMask) {
                guard end < text.count else { return WordAutomaton.none }
                let next = end + 1, nextEnd = WordAutomaton.wordEnd(text, from: next)
                let pair = WordAutomaton.startKey(word, WordAutomaton.wordHash(text, next, nextEnd))
                guard WordAutomaton.filterHolds(starts, pair, mask: startMask) else { return WordAutomaton.none }
            }
            return child(of: 0, edgeHash: mixed, text, start, end)
        }

        /// The child of `parent` whose word is `text[start..<end]`, or `none`; `mixed` is
        /// the edge's hash (`edgeHash(parent:word:)`).
        @inline(__always)
        func child(of parent: Int32, edgeHash mixed: UInt64, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
            let tag = WordAutomaton.tag(mixed)
            var slot = Int(truncatingIfNeeded: mixed) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return WordAutomaton.none }
                if UInt32(truncatingIfNeeded: entry >> 32) == tag {
                    let candidate = Int32(truncatingIfNeeded: entry)
                    let node = nodes[Int(candidate)]
                    let length = end - start
                    if node.parent == parent, Int(node.wordLength) == length, node.head == WordAutomaton.head(text, start, end),
                       length <= 16 || WordAutomaton.equal(words, Int(node.wordStart) + 16, text, start + 16, length - 16) {
                        return candidate
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Every word start in turn: its word under the root, then the words after it for as
    /// long as the trie goes on.
    private static func walk(_ text: UnsafeBufferPointer<UInt8>, _ tables: Tables, _ found: (Int, Int, Int) -> Void) {
        let count = text.count
        var start = 0
        while true {
            let end = wordEnd(text, from: start)
            var node = tables.firstWord(text, start, end)
            var last = end
            while node != none {
                let reached = tables.nodes[Int(node)]
                if reached.pattern != none { found(start, last, Int(reached.pattern)) }
                guard reached.hasChildren, last < count else { break }
                let next = last + 1, nextEnd = wordEnd(text, from: next)
                node = tables.child(of: node, edgeHash: edgeHash(parent: node, word: wordHash(text, next, nextEnd)), text, next, nextEnd)
                last = nextEnd
            }
            guard end < count else { return }
            start = end + 1
        }
    }

    /// Where the word starting at `start` ends: the next separator, or the end of the text.
    @inline(__always)
    static func wordEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < text.count, text[position] != NormalisedText.separator { position += 1 }
        return position
    }

    /// `text[start..<end]`'s bytes 0..<8 and 8..<16 as little-endian integers, zero past
    /// the end (`Node.head`).
    @inline(__always)
    static func head(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        @inline(__always)
        func eight(_ from: Int) -> UInt64 {
            guard from < end else { return 0 }
            if end - from >= 8 { return UnsafeRawBufferPointer(text).loadUnaligned(fromByteOffset: from, as: UInt64.self).littleEndian }
            var value: UInt64 = 0, shift: UInt64 = 0
            for position in from..<end {
                value |= UInt64(text[position]) << shift
                shift += 8
            }
            return value
        }
        return (eight(start), eight(start + 8))
    }

    /// A hash of `text[start..<end]` (`ByteHash`, which the trust's filters share).
    @inline(__always)
    static func wordHash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        ByteHash.hash(text, start, end)
    }

    /// The hash of the edge from `parent` by a word hashed as `word`.
    @inline(__always)
    static func edgeHash(parent: Int32, word: UInt64) -> UInt64 {
        var hash = word ^ (UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15)
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }

    /// The block of the first-word filter an edge hash falls in, and its two bits there
    /// (the block from bits 20 up, the two bit positions from the top twelve bits).
    @inline(__always)
    static func filterBits(_ edgeHash: UInt64, mask: Int) -> (block: Int, bits: UInt64) {
        let block = Int(truncatingIfNeeded: edgeHash >> 20) & mask
        let bits = (1 as UInt64) << (edgeHash >> 52 & 63) | (1 as UInt64) << (edgeHash >> 58 & 63)
        return (block, bits)
    }

    /// True when both of `hash`'s bits are set in its block of `filter`.
    @inline(__always)
    static func filterHolds(_ filter: UnsafeBufferPointer<UInt64>, _ hash: UInt64, mask: Int) -> Bool {
        let (block, bits) = filterBits(hash, mask: mask)
        return filter[block] & bits == bits
    }

    /// The `starts` key of a one-word pattern (`second` nil) or of a pattern's first two
    /// words, from the words' hashes (`wordHash`) alone, so every school's keys agree.
    @inline(__always)
    static func startKey(_ first: UInt64, _ second: UInt64?) -> UInt64 {
        var hash = first &* 0xD6E8_FEB8_6659_FD93 ^ (second.map { $0 &* 0x9E37_79B9_7F4A_7C15 ^ 0x5851_F42D_4C95_7F2D } ?? 0x2545_F491_4F6C_DD1D)
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    /// A slot's tag for an edge hash: never 0, so 0 can mark an empty slot.
    @inline(__always)
    static func tag(_ edgeHash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: edgeHash >> 32) | 1 }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ length: Int) -> Bool {
        var offset = 0
        while offset < length {
            if a[aStart + offset] != b[bStart + offset] { return false }
            offset += 1
        }
        return true
    }
}
