/// An Aho–Corasick automaton over normalised bytes, built once per roster load, that
/// finds every whole-word occurrence of its patterns in one left-to-right pass. The cost
/// of a pass depends on the text, not on how many patterns (pupils) there are.
///
/// Layout: the root has a dense 256-entry table, and so has each state one byte deep
/// (its own edges with the root's filled in, as its failure link is the root: most walks
/// end a failure chain there); other states keep their edges sorted
/// in one flat array (`edgeStart[s]..<edgeStart[s+1]`), and every per-state or
/// per-pattern table is one flat `Int32` array, so a 1,500-pupil school's automaton is
/// well under a megabyte and made of a dozen allocations.
struct WordAutomaton: Sendable {
    static let none: Int32 = -1

    let rootTable: [Int32]
    /// Each state's row in `depthOneTable`, or `none` for a state not one byte deep
    /// (empty while the builder computes failure links).
    let depthOneSlot: [Int32]
    /// 256 transitions per depth-one state, failure already followed.
    let depthOneTable: [Int32]
    let edgeStart: [Int32]
    let edgeLabels: [UInt8]
    let edgeTargets: [Int32]
    let fail: [Int32]
    /// Pattern ending at a state, or `none`.
    let patternAt: [Int32]
    /// Next state on the failure chain that ends a pattern, or `none`.
    let outputLink: [Int32]
    /// Length in bytes of each pattern.
    let patternLengths: [Int32]
    /// Values attached to pattern `p` by the builder: `valueList[valueStart[p]..<valueStart[p + 1]]`
    /// (one flat array, not an array per pattern).
    let valueStart: [Int32]
    let valueList: [Int32]

    /// The values attached to `pattern`, in the order they were added.
    @inline(__always)
    func values(of pattern: Int) -> ArraySlice<Int32> {
        valueList[Int(valueStart[pattern])..<Int(valueStart[pattern + 1])]
    }

    var patternCount: Int { patternLengths.count }
    var stateCount: Int { fail.count }

    /// Calls `body(start, end, pattern)` for every pattern occurrence that starts and
    /// ends on a word boundary (a separator or the edge of the text). The tables are read
    /// through buffer pointers (every index comes from the tables themselves, which the
    /// builder made consistent), so the walk pays no bounds check or retain per byte.
    func forEachWholeWordMatch(in text: [UInt8], _ body: (Int, Int, Int) -> Void) {
        text.withUnsafeBufferPointer { buffer in
            rootTable.withUnsafeBufferPointer { root in
                depthOneSlot.withUnsafeBufferPointer { slots in
                    depthOneTable.withUnsafeBufferPointer { dense in
                        edgeStart.withUnsafeBufferPointer { starts in
                            edgeLabels.withUnsafeBufferPointer { labels in
                                edgeTargets.withUnsafeBufferPointer { targets in
                                    fail.withUnsafeBufferPointer { fails in
                                        let tables = Tables(root: root, depthOneSlot: slots, depthOneTable: dense,
                                                            edgeStart: starts, edgeLabels: labels, edgeTargets: targets,
                                                            fail: fails)
                                        walk(buffer, tables, body)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The transition tables of one walk, borrowed.
    private struct Tables {
        let root: UnsafeBufferPointer<Int32>
        let depthOneSlot: UnsafeBufferPointer<Int32>
        let depthOneTable: UnsafeBufferPointer<Int32>
        let edgeStart: UnsafeBufferPointer<Int32>
        let edgeLabels: UnsafeBufferPointer<UInt8>
        let edgeTargets: UnsafeBufferPointer<Int32>
        let fail: UnsafeBufferPointer<Int32>

        @inline(__always)
        func next(_ state: Int32, _ byte: UInt8) -> Int32 {
            var current = state
            while true {
                if current == 0 { return root[Int(byte)] }
                let slot = depthOneSlot[Int(current)]
                if slot != WordAutomaton.none { return depthOneTable[Int(slot) << 8 | Int(byte)] }
                let lower = Int(edgeStart[Int(current)]), upper = Int(edgeStart[Int(current) + 1])
                var index = lower
                while index < upper {
                    let label = edgeLabels[index]
                    if label == byte { return edgeTargets[index] }
                    if label > byte { break }
                    index += 1
                }
                current = fail[Int(current)]
            }
        }
    }

    private func walk(_ buffer: UnsafeBufferPointer<UInt8>, _ tables: Tables, _ body: (Int, Int, Int) -> Void) {
        let count = buffer.count
        var state: Int32 = 0
        for position in 0..<count {
            state = tables.next(state, buffer[position])
            let end = position + 1
            guard end == count || buffer[end] == NormalisedText.separator else { continue }
            var output = patternAt[Int(state)] != Self.none ? state : outputLink[Int(state)]
            while output != Self.none {
                let pattern = Int(patternAt[Int(output)])
                let start = end - Int(patternLengths[pattern])
                if start == 0 || buffer[start - 1] == NormalisedText.separator {
                    body(start, end, pattern)
                }
                output = outputLink[Int(output)]
            }
        }
    }
}
