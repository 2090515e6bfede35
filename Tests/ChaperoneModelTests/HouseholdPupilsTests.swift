import SeededRandom
import Testing
@testable import ChaperoneModel

/// `HouseholdPupils` is the set of key nodes it is given, and `Roster.keyNodes` gives two
/// pupils one node exactly when their keys are equal as Strings, so a household compared
/// by node is the household its keys describe.
@Suite struct HouseholdPupilsTests {
    @Test func isTheSetOfItsNodesWhateverTheOrderAndRepeats() {
        var random = SplitMix64(state: 15)
        for _ in 0..<300 {
            let nodes = (0..<Int.random(in: 0...40, using: &random)).map { _ in Int32.random(in: 0...60, using: &random) }
            let household = HouseholdPupils(nodes: nodes)
            #expect(household.nodes == Array(Set(nodes)).sorted())
            #expect(household.count == Set(nodes).count && household.isEmpty == nodes.isEmpty)
            for probe in Int32(-2)...62 {
                #expect(household.contains(probe) == nodes.contains(probe), "\(nodes) \(probe)")
            }
        }
        #expect(HouseholdPupils.none.isEmpty && !HouseholdPupils.none.contains(0))
    }

    @Test func keyNodesJoinEqualKeysOnly() {
        // Repeated keys, a key equal only under canonical equivalence (é as one scalar and
        // as e + combining acute), and the Kelvin sign beside an ASCII K.
        let keys = ["A1", "B2", "A1", "caf\u{E9}", "cafe\u{301}", "\u{212A}9", "K9", "B2", "", ""]
        let roster = Roster(students: keys.map { Student(key: $0, legalForename: "Ann", surname: "Lee") })
        #expect(roster.keyNodes.count == keys.count)
        for (position, key) in keys.enumerated() {
            let first = keys.firstIndex(of: key)!
            #expect(roster.keyNodes[position] == Int32(first), "\(key)")
            #expect(roster.keyNodes[position] == roster.studentPosition(forKey: key).map(Int32.init))
        }
        let household = HouseholdPupils(nodes: [roster.keyNodes[2], roster.keyNodes[4]])
        #expect(household.keys(on: roster) == ["A1", "caf\u{E9}"])
    }
}
