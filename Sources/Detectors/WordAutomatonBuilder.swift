/// Collects patterns (normalised byte strings) with integer values and builds a
/// `WordAutomaton`. Adding the same pattern twice appends to its values.
struct WordAutomatonBuilder {
    private var firstEdge: [Int32] = [WordAutomaton.none]
    private var edgeLabel: [UInt8] = []
    private var edgeTarget: [Int32] = []
    private var edgeNext: [Int32] = []
    private var depth: [Int32] = [0]
    private var patternAt: [Int32] = [WordAutomaton.none]
    private var patternLengths: [Int32] = []
    private var values: [[Int32]] = []

    /// Adds `pattern` (already normalised, no leading or trailing separator).
    mutating func add(_ pattern: [UInt8], value: Int32) {
        guard !pattern.isEmpty else { return }
        var state: Int32 = 0
        for byte in pattern {
            if let child = child(of: state, byte) {
                state = child
            } else {
                let created = Int32(firstEdge.count)
                firstEdge.append(WordAutomaton.none)
                depth.append(depth[Int(state)] + 1)
                patternAt.append(WordAutomaton.none)
                edgeLabel.append(byte)
                edgeTarget.append(created)
                edgeNext.append(firstEdge[Int(state)])
                firstEdge[Int(state)] = Int32(edgeLabel.count - 1)
                state = created
            }
        }
        if patternAt[Int(state)] == WordAutomaton.none {
            patternAt[Int(state)] = Int32(patternLengths.count)
            patternLengths.append(Int32(pattern.count))
            values.append([value])
        } else if !values[Int(patternAt[Int(state)])].contains(value) {
            values[Int(patternAt[Int(state)])].append(value)
        }
    }

    private func child(of state: Int32, _ byte: UInt8) -> Int32? {
        var edge = firstEdge[Int(state)]
        while edge != WordAutomaton.none {
            if edgeLabel[Int(edge)] == byte { return edgeTarget[Int(edge)] }
            edge = edgeNext[Int(edge)]
        }
        return nil
    }

    /// Builds the automaton: flattens edges, then sets failure and output links breadth-first.
    func build() -> WordAutomaton {
        let stateCount = firstEdge.count
        var edgeStart = [Int32](repeating: 0, count: stateCount + 1)
        var labels: [UInt8] = []
        var targets: [Int32] = []
        labels.reserveCapacity(edgeLabel.count)
        targets.reserveCapacity(edgeLabel.count)
        var rootTable = [Int32](repeating: 0, count: 256)
        for state in 0..<stateCount {
            edgeStart[state] = Int32(labels.count)
            var pairs: [(UInt8, Int32)] = []
            var edge = firstEdge[state]
            while edge != WordAutomaton.none {
                pairs.append((edgeLabel[Int(edge)], edgeTarget[Int(edge)]))
                edge = edgeNext[Int(edge)]
            }
            pairs.sort { $0.0 < $1.0 }
            for (label, target) in pairs {
                labels.append(label)
                targets.append(target)
                if state == 0 { rootTable[Int(label)] = target }
            }
        }
        edgeStart[stateCount] = Int32(labels.count)
        var fail = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: WordAutomaton.none, count: stateCount)
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for index in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(targets[index]) }
        let partial = WordAutomaton(
            rootTable: rootTable, edgeStart: edgeStart, edgeLabels: labels, edgeTargets: targets,
            fail: fail, patternAt: patternAt, outputLink: outputLink, patternLengths: patternLengths, values: []
        )
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
        return WordAutomaton(
            rootTable: rootTable, edgeStart: edgeStart, edgeLabels: labels, edgeTargets: targets,
            fail: fail, patternAt: patternAt, outputLink: outputLink, patternLengths: patternLengths, values: values
        )
    }

    /// A goto step during construction, using the failure links computed so far
    /// (breadth-first order guarantees they exist for shallower states).
    private static func step(_ automaton: WordAutomaton, fail: [Int32], from state: Int32, _ byte: UInt8) -> Int32 {
        var current = state
        while true {
            if current == 0 { return automaton.rootTable[Int(byte)] }
            let lower = Int(automaton.edgeStart[Int(current)]), upper = Int(automaton.edgeStart[Int(current) + 1])
            for index in lower..<upper where automaton.edgeLabels[index] == byte {
                return automaton.edgeTargets[index]
            }
            current = fail[Int(current)]
        }
    }
}
