import SeededRandom
import Testing
@testable import Detectors

/// The owners a lone forename and a lone surname share ("Amara Grace Okafor"): the merge
/// of the two ascending lists gives exactly what filtering one by the other gives.
@Suite struct LoneNameHitsTests {
    static func ascending(_ count: Int, below bound: Int32, _ random: inout SplitMix64) -> [Int32] {
        Array(Set((0..<count).map { _ in Int32.random(in: 0..<bound, using: &random) })).sorted()
    }

    @Test func sharedOwnersAreTheIntersectionInOrder() {
        var random = SplitMix64(state: 11)
        for round in 0..<500 {
            // Small and large lists, dense and sparse, one side empty now and then.
            let bound = Int32([8, 64, 20_000][round % 3])
            let forename = LoneNameHits.Hit(start: 0, end: 1, owners: Self.ascending(Int.random(in: 0...300, using: &random), below: bound, &random))
            let surname = LoneNameHits.Hit(start: 2, end: 3, owners: Self.ascending(Int.random(in: 0...300, using: &random), below: bound, &random))
            let expected = forename.owners.filter { surname.owners.contains($0) }
            #expect(forename.sharedOwners(with: surname) == expected)
            #expect(surname.sharedOwners(with: forename) == expected)
        }
        let same = LoneNameHits.Hit(start: 0, end: 1, owners: [1, 5, 9])
        #expect(same.sharedOwners(with: same) == [1, 5, 9])
    }
}
