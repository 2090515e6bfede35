import ChaperoneModel
import SeededRandom
import Testing

/// `ByteSearch.next` finds what a plain search from the same place finds.
@Suite struct ByteSearchTests {
    @Test func equalsAPlainSearchFromEveryStart() {
        var random = SplitMix64(state: 0xB7E5)
        for length in [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 200] {
            let bytes = (0..<length).map { _ in [10, 64, 0, 97, 255][Int(random.next() % 5)] as UInt8 }
            for byte: UInt8 in [10, 64, 0, 255, 1] {
                for start in -1...(length + 1) {
                    let plain = start < 0 ? length : (bytes.indices.first { $0 >= start && bytes[$0] == byte } ?? length)
                    #expect(ByteSearch.next(byte, in: bytes, from: start) == plain, "length \(length), byte \(byte), start \(start)")
                }
            }
        }
    }
}
