extension WordAutomatonBuilder {
    /// The word trie of a sorted pattern list: the distinct patterns numbered by first
    /// addition with their values, and each pattern's words made into nodes (a node per
    /// distinct word prefix), found again through the same hashed slots the pass uses.
    struct Trie {
        var patternLengths: [Int32] = []
        var valueStart: [Int32] = []
        var valueList: [Int32] = []
        /// Each distinct pattern's bytes (a range of the builder's bytes), by pattern number.
        var patternRanges: [Range<Int32>] = []

        /// `sortedAdditions` orders `additions` by pattern bytes, then by position, and
        /// gives each one's common prefix with the one before.
        init(sorted sortedAdditions: SortedAdditions, additions: [(range: Range<Int32>, value: Int32)], bytes: UnsafeBufferPointer<UInt8>) {
            let sorted = sortedAdditions.order, commonPrefix = sortedAdditions.commonPrefix
            // Distinct patterns (runs of equal ones in `sorted`: a neighbour as long as its
            // common prefix with the one before), numbered by first addition.
            var runs: [Range<Int>] = []
            var start = 0
            while start < sorted.count {
                let length = additions[Int(sorted[start])].range.count
                var end = start + 1
                while end < sorted.count, Int(commonPrefix[end]) == length,
                      additions[Int(sorted[end])].range.count == length { end += 1 }
                runs.append(start..<end)
                start = end
            }
            // A run's first member is its earliest addition (equal patterns sort by
            // position), so walking additions in order meets the runs in pattern order.
            var runOfFirstAddition = [Int32](repeating: WordAutomaton.none, count: additions.count)
            for (run, members) in runs.enumerated() { runOfFirstAddition[Int(sorted[members.lowerBound])] = Int32(run) }
            var numbering: [Int] = []
            numbering.reserveCapacity(runs.count)
            for run in runOfFirstAddition where run != WordAutomaton.none { numbering.append(Int(run)) }
            patternLengths.reserveCapacity(runs.count)
            patternRanges.reserveCapacity(runs.count)
            valueStart.reserveCapacity(runs.count + 1)
            valueList.reserveCapacity(sorted.count)
            for run in numbering {
                let members = runs[run]
                let range = additions[Int(sorted[members.lowerBound])].range
                patternRanges.append(range)
                patternLengths.append(Int32(range.count))
                valueStart.append(Int32(valueList.count))
                let first = valueList.count
                for member in members {
                    let value = additions[Int(sorted[member])].value
                    if !valueList[first...].contains(value) { valueList.append(value) }
                }
            }
            valueStart.append(Int32(valueList.count))
        }

        /// Makes a node for every distinct word prefix of every pattern, patterns in
        /// number order and each one's words in order, and the slots that find them.
        func automaton(_ bytes: UnsafeBufferPointer<UInt8>) -> WordAutomaton {
            // At most one node per pattern word, and the root.
            var wordCount = 1
            for range in patternRanges {
                wordCount += 1
                for position in Int(range.lowerBound)..<Int(range.upperBound) where bytes[position] == NormalisedText.separator {
                    wordCount += 1
                }
            }
            var table = SlotTable(capacity: wordCount)
            var nodes = [WordAutomaton.Node(parent: WordAutomaton.none, wordStart: 0, word: UnsafeBufferPointer(start: nil, count: 0),
                                            pattern: WordAutomaton.none)]
            nodes.reserveCapacity(wordCount)
            var wordBytes: [UInt8] = []
            for (pattern, range) in patternRanges.enumerated() {
                var node: Int32 = 0
                var start = Int(range.lowerBound)
                let end = Int(range.upperBound)
                while true {
                    var wordEnd = start
                    while wordEnd < end, bytes[wordEnd] != NormalisedText.separator { wordEnd += 1 }
                    let hash = WordAutomaton.edgeHash(parent: node, word: WordAutomaton.wordHash(bytes, start, wordEnd))
                    if let child = table.find(hash, where: { candidate in
                        let existing = nodes[Int(candidate)]
                        return existing.parent == node && Int(existing.wordLength) == wordEnd - start
                            && wordBytes.withUnsafeBufferPointer { WordAutomaton.equal($0, Int(existing.wordStart), bytes, start, wordEnd - start) }
                    }) {
                        node = child
                    } else {
                        let child = Int32(nodes.count)
                        nodes.append(WordAutomaton.Node(parent: node, wordStart: Int32(wordBytes.count),
                                                        word: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), pattern: WordAutomaton.none))
                        wordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]))
                        table.insert(hash, child)
                        nodes[Int(node)].hasChildren = true
                        node = child
                    }
                    guard wordEnd < end else { break }
                    start = wordEnd + 1
                }
                nodes[Int(node)].pattern = Int32(pattern)
            }
            let startKeys = WordAutomaton.startKeys(nodes: nodes, wordBytes: wordBytes)
            return WordAutomaton(slots: table.slots(forNodes: nodes.count), firstWords: table.firstWordFilter(nodes),
                                 starts: WordAutomaton.firstWordFilter(of: startKeys, distinct: startKeys.count), nodes: nodes, wordBytes: wordBytes,
                                 patternLengths: patternLengths, valueStart: valueStart, valueList: valueList)
        }
    }

    /// The automaton's open-addressed slots while nodes are added (see `WordAutomaton.slots`).
    struct SlotTable {
        private(set) var entries: [UInt64]
        private(set) var hashes: [UInt64] = []
        private var mask: Int

        /// Room for `capacity` nodes at most half full.
        init(capacity: Int) {
            var size = 8
            while size < capacity * 2 { size <<= 1 }
            entries = [UInt64](repeating: 0, count: size)
            mask = size - 1
        }

        func find(_ hash: UInt64, where matches: (Int32) -> Bool) -> Int32? {
            let tag = WordAutomaton.tag(hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while entries[slot] != 0 {
                let entry = entries[slot]
                if UInt32(truncatingIfNeeded: entry >> 32) == tag, matches(Int32(truncatingIfNeeded: entry)) {
                    return Int32(truncatingIfNeeded: entry)
                }
                slot = (slot + 1) & mask
            }
            return nil
        }

        mutating func insert(_ hash: UInt64, _ node: Int32) {
            hashes.append(hash)
            Self.place(hash, node, in: &entries, mask: mask)
        }

        private static func place(_ hash: UInt64, _ node: Int32, in entries: inout [UInt64], mask: Int) {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while entries[slot] != 0 { slot = (slot + 1) & mask }
            entries[slot] = UInt64(WordAutomaton.tag(hash)) << 32 | UInt64(UInt32(bitPattern: node))
        }

        /// The first-word filter (`WordAutomaton.firstWords`) of the root's children among `nodes`.
        func firstWordFilter(_ nodes: [WordAutomaton.Node]) -> [UInt64] {
            let firstWords = hashes.indices.filter { nodes[$0 + 1].parent == 0 }.map { hashes[$0] }
            return WordAutomaton.firstWordFilter(of: firstWords, distinct: firstWords.count)
        }

        /// The slots, made again at the smallest size at most half full when the
        /// patterns' words shared enough prefixes to leave this one mostly empty.
        /// Node `n + 1` was inserted `n`th, so the rebuilt table places the same nodes.
        func slots(forNodes nodeCount: Int) -> [UInt64] {
            var size = 8
            while size < nodeCount * 2 { size <<= 1 }
            guard size < entries.count else { return entries }
            var smaller = [UInt64](repeating: 0, count: size)
            for (index, hash) in hashes.enumerated() { Self.place(hash, Int32(index + 1), in: &smaller, mask: size - 1) }
            return smaller
        }
    }
}
