import Testing
@testable import Detectors

/// The dense rows of the states one byte deep must give exactly the transition the sparse
/// edges and the failure link give, for every byte, and the walk that reads them must
/// find what a brute-force search finds in texts whose bytes the patterns never use.
@Suite struct WordAutomatonDenseRowTests {
    /// The transition read from the sparse edges and failure links alone.
    static func sparseStep(_ automaton: WordAutomaton, from state: Int32, _ byte: UInt8) -> Int32 {
        var current = state
        while true {
            if current == 0 { return automaton.rootTable[Int(byte)] }
            let lower = Int(automaton.edgeStart[Int(current)]), upper = Int(automaton.edgeStart[Int(current) + 1])
            if let index = (lower..<upper).first(where: { automaton.edgeLabels[$0] == byte }) {
                return automaton.edgeTargets[index]
            }
            current = automaton.fail[Int(current)]
        }
    }

    /// Patterns over letters, digits and a two-byte letter (é), so the root has many
    /// children and some of them share prefixes.
    static func patterns(seed: UInt64, count: Int) -> [[UInt8]] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let alphabet: [[UInt8]] = [[97], [98], [99], [100], [122], [48], [55], [0xC3, 0xA9], [NormalisedText.separator]]
        return (0..<count).map { _ in
            var pattern = (0..<(1 + next() % 5)).flatMap { _ in alphabet[next() % alphabet.count] }
            while pattern.first == NormalisedText.separator { pattern.removeFirst() }
            while pattern.last == NormalisedText.separator { pattern.removeLast() }
            return pattern
        }
    }

    @Test(arguments: 0..<12)
    func denseRowsAreTheSparseTransitions(seed: Int) {
        var builder = WordAutomatonBuilder()
        for (position, pattern) in Self.patterns(seed: UInt64(seed), count: 80).enumerated() {
            builder.add(pattern, value: Int32(position))
        }
        let automaton = builder.build()
        let rootChildren = Int(automaton.edgeStart[0])..<Int(automaton.edgeStart[1])
        #expect(automaton.depthOneTable.count == rootChildren.count * 256)
        var checked = 0
        for index in rootChildren {
            let child = automaton.edgeTargets[index]
            let slot = automaton.depthOneSlot[Int(child)]
            #expect(slot != WordAutomaton.none)
            for byte in 0...255 {
                #expect(automaton.depthOneTable[Int(slot) * 256 + byte] == Self.sparseStep(automaton, from: child, UInt8(byte)))
                checked += 1
            }
        }
        #expect(checked > 256 * 4, "the patterns must give the root several children")
        let deeper = (0..<automaton.stateCount).filter { $0 != 0 && !rootChildren.map { Int(automaton.edgeTargets[$0]) }.contains($0) }
        #expect(deeper.allSatisfy { automaton.depthOneSlot[$0] == WordAutomaton.none })
    }

    @Test(arguments: 0..<12)
    func walkFindsWhatBruteForceFinds(seed: Int) {
        let added = Self.patterns(seed: UInt64(seed), count: 80)
        var builder = WordAutomatonBuilder()
        for (position, pattern) in added.enumerated() { builder.add(pattern, value: Int32(position)) }
        let automaton = builder.build()
        var distinct: [[UInt8]] = []
        for pattern in added where !pattern.isEmpty && !distinct.contains(pattern) { distinct.append(pattern) }
        // Texts of pattern words and bytes no pattern holds (x, 9, ü's bytes, 0xFF).
        var state = UInt64(seed) &+ 99
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let strangers: [[UInt8]] = [[120], [57], [0xC3, 0xBC], [0xFF], [0xC3]]
        for _ in 0..<40 {
            var text: [UInt8] = []
            for _ in 0..<next(12) {
                if !text.isEmpty { text.append(NormalisedText.separator) }
                text += next(3) == 0 ? strangers[next(strangers.count)] : added[next(added.count)]
                if next(4) == 0 { text += strangers[next(strangers.count)] }
            }
            var found: Set<[Int]> = []
            automaton.forEachWholeWordMatch(in: text) { found.insert([$0, $1, $2]) }
            #expect(found == WordAutomatonTests.bruteForce(distinct, in: text))
        }
    }
}
