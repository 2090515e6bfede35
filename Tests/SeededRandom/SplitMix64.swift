/// SplitMix64: a small deterministic generator for the seeded tests, so that every run
/// generates the same inputs and a failure reproduces from its seed. For tests only; it
/// is neither cryptographic nor meant for anything the product decides.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `state`: the same state, the same sequence.
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
