extension WordAutomatonBuilder {
    /// The goto trie of a sorted pattern list, in flat arrays: states numbered in
    /// depth-first order, each state's children created in label order.
    struct Trie {
        var parent: [Int32] = [WordAutomaton.none]
        var label: [UInt8] = [0]
        var childCount: [Int32] = [0]
        var patternAt: [Int32] = [WordAutomaton.none]
        var patternLengths: [Int32] = []
        var valueStart: [Int32] = []
        var valueList: [Int32] = []

        /// `sortedAdditions` orders `additions` by pattern bytes, then by position, and
        /// gives each one's common prefix with the one before.
        init(sorted sortedAdditions: SortedAdditions, additions: [(range: Range<Int32>, value: Int32)], bytes: UnsafeBufferPointer<UInt8>) {
            let sorted = sortedAdditions.order, commonPrefix = sortedAdditions.commonPrefix
            // At most one state per pattern byte, and the root.
            let capacity = bytes.count + 1
            parent.reserveCapacity(capacity)
            label.reserveCapacity(capacity)
            childCount.reserveCapacity(capacity)
            patternAt.reserveCapacity(capacity)
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
            var patternOfRun = [Int32](repeating: 0, count: runs.count)
            for run in runOfFirstAddition where run != WordAutomaton.none {
                patternOfRun[Int(run)] = Int32(numbering.count)
                numbering.append(Int(run))
            }
            patternLengths = [Int32](repeating: 0, count: runs.count)
            // Each run's distinct values, runs one after another (no array per pattern).
            var runValues: [Int32] = []
            runValues.reserveCapacity(sorted.count)
            var runValueStart = [Int32](repeating: 0, count: runs.count + 1)
            var path: [Int32] = [0]
            for (run, members) in runs.enumerated() {
                let range = additions[Int(sorted[members.lowerBound])].range
                // Shared with the previous run's pattern (0 for the first).
                let common = Int(commonPrefix[members.lowerBound])
                path.removeSubrange((common + 1)...)
                for offset in common..<range.count {
                    path.append(addState(parent: path[path.count - 1], bytes[Int(range.lowerBound) + offset]))
                }
                let pattern = patternOfRun[run]
                patternAt[Int(path[path.count - 1])] = pattern
                patternLengths[Int(pattern)] = Int32(range.count)
                let first = runValues.count
                for member in members {
                    let value = additions[Int(sorted[member])].value
                    if !runValues[first...].contains(value) { runValues.append(value) }
                }
                runValueStart[run + 1] = Int32(runValues.count)
            }
            // The values laid out by pattern number.
            valueStart.reserveCapacity(runs.count + 1)
            valueList.reserveCapacity(runValues.count)
            for run in numbering {
                valueStart.append(Int32(valueList.count))
                valueList += runValues[Int(runValueStart[run])..<Int(runValueStart[run + 1])]
            }
            valueStart.append(Int32(valueList.count))
        }

        private mutating func addState(parent state: Int32, _ byte: UInt8) -> Int32 {
            parent.append(state)
            label.append(byte)
            childCount.append(0)
            patternAt.append(WordAutomaton.none)
            childCount[Int(state)] += 1
            return Int32(parent.count - 1)
        }

        /// Flattens the edges (children in creation order are in label order) and sets
        /// failure and output links breadth-first.
        func automaton() -> WordAutomaton {
            let stateCount = parent.count
            var edgeStart = [Int32](repeating: 0, count: stateCount + 1)
            for state in 0..<stateCount { edgeStart[state + 1] = edgeStart[state] + childCount[state] }
            var cursor = edgeStart
            var labels = [UInt8](repeating: 0, count: stateCount - 1)
            var targets = [Int32](repeating: 0, count: stateCount - 1)
            var rootTable = [Int32](repeating: 0, count: 256)
            for state in 1..<max(1, stateCount) {
                let from = Int(parent[state])
                let slot = Int(cursor[from])
                cursor[from] += 1
                labels[slot] = label[state]
                targets[slot] = Int32(state)
                if from == 0 { rootTable[Int(label[state])] = Int32(state) }
            }
            var fail = [Int32](repeating: 0, count: stateCount)
            var outputLink = [Int32](repeating: WordAutomaton.none, count: stateCount)
            let partial = WordAutomaton(
                rootTable: rootTable, depthOneSlot: [], depthOneTable: [], edgeStart: edgeStart, edgeLabels: labels, edgeTargets: targets,
                fail: [], patternAt: patternAt, outputLink: [], patternLengths: patternLengths,
                valueStart: valueStart, valueList: valueList)
            var queue: [Int32] = []
            queue.reserveCapacity(stateCount)
            for index in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(targets[index]) }
            var head = 0
            while head < queue.count {
                let state = Int(queue[head])
                head += 1
                for index in Int(edgeStart[state])..<Int(edgeStart[state + 1]) {
                    let target = Int(targets[index])
                    queue.append(Int32(target))
                    let failState = Self.step(partial, fail: fail, from: fail[state], labels[index])
                    fail[target] = failState
                    outputLink[target] = patternAt[Int(failState)] != WordAutomaton.none
                        ? failState : outputLink[Int(failState)]
                }
            }
            let (depthOneSlot, depthOneTable) = Self.depthOneRows(rootTable: rootTable, edgeStart: edgeStart,
                                                                  labels: labels, targets: targets)
            return WordAutomaton(
                rootTable: rootTable, depthOneSlot: depthOneSlot, depthOneTable: depthOneTable, edgeStart: edgeStart, edgeLabels: labels, edgeTargets: targets,
                fail: fail, patternAt: patternAt, outputLink: outputLink, patternLengths: patternLengths,
                valueStart: valueStart, valueList: valueList)
        }

        /// The dense rows of the root's children: a child's own edges, and for every other
        /// byte the root's edge (a depth-one state fails to the root).
        private static func depthOneRows(rootTable: [Int32], edgeStart: [Int32], labels: [UInt8],
                                         targets: [Int32]) -> (slots: [Int32], table: [Int32]) {
            var slots = [Int32](repeating: WordAutomaton.none, count: max(0, edgeStart.count - 1))
            guard edgeStart.count > 1 else { return (slots, []) }
            let children = Int(edgeStart[0])..<Int(edgeStart[1])
            var table: [Int32] = []
            table.reserveCapacity(children.count * 256)
            for (slot, index) in children.enumerated() {
                let child = Int(targets[index])
                slots[child] = Int32(slot)
                var row = rootTable
                for edge in Int(edgeStart[child])..<Int(edgeStart[child + 1]) { row[Int(labels[edge])] = targets[edge] }
                table.append(contentsOf: row)
            }
            return (slots, table)
        }

        /// A goto step during construction, using the failure links computed so far
        /// (breadth-first order guarantees they exist for shallower states).
        private static func step(_ automaton: WordAutomaton, fail: [Int32], from state: Int32, _ byte: UInt8) -> Int32 {
            var current = state
            while true {
                if current == 0 { return automaton.rootTable[Int(byte)] }
                let lower = Int(automaton.edgeStart[Int(current)]), upper = Int(automaton.edgeStart[Int(current) + 1])
                for index in lower..<upper {
                    let label = automaton.edgeLabels[index]
                    if label == byte { return automaton.edgeTargets[index] }
                    if label > byte { break }
                }
                current = fail[Int(current)]
            }
        }
    }
}
