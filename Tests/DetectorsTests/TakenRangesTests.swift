@testable import Detectors
import Testing

/// `TakenRanges.overlaps` answers exactly as checking every range would, for nested,
/// touching and overlapping ranges in any order (seeded, so a failure repeats).
@Suite struct TakenRangesTests {
    @Test func agreesWithCheckingEveryRange() {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<200 {
            let ranges = (0..<next(12)).map { _ -> Range<Int> in
                let start = next(100)
                return start..<(start + 1 + next(15))
            }
            let taken = TakenRanges(ranges)
            for _ in 0..<50 {
                let start = next(120)
                let probe = start..<(start + 1 + next(10))
                #expect(taken.overlaps(probe) == ranges.contains { $0.overlaps(probe) }, "\(ranges) \(probe)")
            }
        }
    }

    @Test func touchingIsNotOverlapping() {
        let taken = TakenRanges([10..<20, 30..<40])
        #expect(!taken.overlaps(20..<30))
        #expect(!taken.overlaps(0..<10))
        #expect(taken.overlaps(19..<21))
        #expect(taken.overlaps(12..<13))
        #expect(!TakenRanges([]).overlaps(0..<5))
    }
}
