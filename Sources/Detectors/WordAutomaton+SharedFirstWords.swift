/// One first-word filter for every school of a trust (see `WordAutomaton.firstWords`):
/// each school's filter is a few kilobytes, but a trust routes each message to one of a
/// hundred schools, so the one it reads is cold in the cache by the time that school's
/// next message comes, and it is read once for every word of the text. This filter holds
/// the first words of every school's patterns, so it answers "no pattern starts with
/// this word" for any school, and every message reads it, so it stays in the cache. A
/// word it lets through (a name at some school) goes on to the school's own table, so
/// what is found is exactly what each school's own filter finds.
///
/// The same holds for how patterns start (`WordAutomaton.starts`): one filter of every
/// school's one-word patterns and patterns' first two words.
public struct SharedFirstWords: Sendable {
    let blocks: [UInt64]
    let starts: [UInt64]

    /// The filters of the first words, and of the starts, of every engine's patterns.
    public init(_ engines: [DetectionEngine]) {
        var hashes: [UInt64] = [], startKeys: [UInt64] = []
        for engine in engines {
            engine.index.automaton.appendFirstWordHashes(to: &hashes)
            engine.index.automaton.appendStartKeys(to: &startKeys)
        }
        blocks = WordAutomaton.firstWordFilter(of: hashes, distinct: Self.distinctCount(&hashes))
        starts = WordAutomaton.firstWordFilter(of: startKeys, distinct: Self.distinctCount(&startKeys))
    }

    /// Sorts `hashes` and counts the distinct ones.
    static func distinctCount(_ hashes: inout [UInt64]) -> Int {
        hashes.sort()
        var distinct = 0
        for index in hashes.indices where index == 0 || hashes[index] != hashes[index - 1] { distinct += 1 }
        return distinct
    }
}

extension DetectionEngine {
    /// This engine reading the trust's shared first-word filter in place of its own;
    /// every finding is the same (the shared filter holds every word its own holds).
    public func sharing(_ firstWords: SharedFirstWords) -> DetectionEngine {
        var engine = self
        engine.index = RosterIndex(index, automaton: index.automaton.reading(firstWords: firstWords.blocks, starts: firstWords.starts))
        return engine
    }
}

extension WordAutomaton {
    /// Appends the edge hash of each of the root's children (each pattern's first word).
    func appendFirstWordHashes(to hashes: inout [UInt64]) {
        wordBytes.withUnsafeBufferPointer { words in
            for node in nodes.dropFirst() where node.parent == 0 {
                let start = Int(node.wordStart)
                hashes.append(Self.edgeHash(parent: 0, word: Self.wordHash(words, start, start + Int(node.wordLength))))
            }
        }
    }

    /// Appends the `starts` key of each one-word pattern and of each pattern's first two words.
    func appendStartKeys(to keys: inout [UInt64]) {
        keys.append(contentsOf: Self.startKeys(nodes: nodes, wordBytes: wordBytes))
    }

    /// The `starts` keys of a trie: each child of the root that ends a pattern, and each
    /// grandchild of the root, by the hashes of their words.
    static func startKeys(nodes: [Node], wordBytes: [UInt8]) -> [UInt64] {
        wordBytes.withUnsafeBufferPointer { words in
            func hash(_ node: Node) -> UInt64 {
                wordHash(words, Int(node.wordStart), Int(node.wordStart) + Int(node.wordLength))
            }
            var keys: [UInt64] = []
            for node in nodes.dropFirst() {
                if node.parent == 0 {
                    if node.pattern != none { keys.append(startKey(hash(node), nil)) }
                } else if nodes[Int(node.parent)].parent == 0 {
                    keys.append(startKey(hash(nodes[Int(node.parent)]), hash(node)))
                }
            }
            return keys
        }
    }

    /// A first-word filter holding `hashes` (edge hashes from the root; `distinct` of them
    /// differ): a power of two of 64-bit blocks, about 12 bits per word.
    static func firstWordFilter(of hashes: [UInt64], distinct: Int) -> [UInt64] {
        var blocks = 1
        while blocks * 64 < distinct * 12 { blocks <<= 1 }
        var filter = [UInt64](repeating: 0, count: blocks)
        for hash in hashes {
            let (block, bits) = filterBits(hash, mask: blocks - 1)
            filter[block] |= bits
        }
        return filter
    }
}
