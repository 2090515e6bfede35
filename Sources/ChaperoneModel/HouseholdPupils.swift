/// The pupils a lone forename may name in one message (the wrong-parent mistake, see
/// `PolicyEngine.householdPupils(of:sender:)`), held as roster key nodes: for each pupil,
/// the position of the first pupil on the roster with the same key
/// (`Roster.keyNodes`), sorted and each once.
///
/// Numbers, not keys: with a large roster this set holds every pupil of a surname (two
/// hundred Smiths in 20,000 pupils), and each lone forename in the message is checked
/// against it pupil by pupil, so neither side makes a String or runs a Hasher. Two
/// pupils' keys are equal exactly when their key nodes are (the roster indexes keys with
/// String's equality), so this is the same set as the keys it stands for.
public struct HouseholdPupils: Sendable, Equatable {
    /// No pupil: most mail.
    public static let none = HouseholdPupils(sortedNodes: [])

    /// Key nodes, ascending, each once.
    public let nodes: [Int32]

    /// The set of `nodes` (any order, repeats allowed).
    public init(nodes: [Int32]) {
        var sorted = nodes.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        self.nodes = sorted
    }

    private init(sortedNodes: [Int32]) { nodes = sortedNodes }

    public var isEmpty: Bool { nodes.isEmpty }
    public var count: Int { nodes.count }

    /// True when key node `node` is one of the set's (a binary search). Inlinable: the
    /// scanner asks it once for each owner of a lone forename.
    @inlinable
    public func contains(_ node: Int32) -> Bool {
        var low = 0, high = nodes.count
        while low < high {
            let middle = (low + high) >> 1
            if nodes[middle] < node { low = middle + 1 } else { high = middle }
        }
        return low < nodes.count && nodes[low] == node
    }

    /// The pupils' keys on `roster` (for reports and tests; scanning never makes them).
    public func keys(on roster: Roster) -> Set<String> {
        Set(nodes.map { roster.students.key(at: Int($0)) })
    }
}
