import SeededRandom
import Testing
@testable import Detectors

/// `KeywordTable` finds what a plain search of its keywords finds: a token equal to a
/// keyword ignoring ASCII case, the first such keyword's value when two are equal, and
/// nothing for any other token, range or keyword shape.
@Suite struct KeywordTableTests {
    /// The value a plain search gives: the first pair whose lower-cased keyword equals
    /// the token with its ASCII letters lower-cased.
    static func reference(_ pairs: [(String, Int)], _ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let token = bytes[range].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return pairs.first { !$0.0.isEmpty && Array($0.0.lowercased().utf8) == token }?.1
    }

    @Test func equalsAPlainSearchOnSeededTokens() {
        var random = SplitMix64(state: 0x4B45_5957)
        let alphabet = Array("abcAB-é1".utf8)
        func word(_ length: Int) -> [UInt8] { (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] } }
        for round in 0..<40 {
            var pairs: [(String, Int)] = []
            for value in 0..<Int(random.next() % 30) {
                pairs.append((String(decoding: word(Int(random.next() % 5)), as: UTF8.self), value))
            }
            // Repeats with other values and other cases: the first one given is found.
            if let (keyword, _) = pairs.first { pairs.append((keyword.uppercased(), 99)) }
            let table = KeywordTable(pairs)
            let text = word(200)
            for start in 0..<text.count {
                for length in 0...min(6, text.count - start) {
                    let range = start..<(start + length)
                    #expect(table.value(text, range) == Self.reference(pairs, text, range), "round \(round), \(range)")
                }
            }
            for keyword in pairs.map(\.0) where !keyword.isEmpty {
                let bytes = Array(keyword.utf8)
                #expect(table.value(bytes, 0..<bytes.count) == Self.reference(pairs, bytes, 0..<bytes.count))
            }
        }
    }

    @Test func emptyTablesEmptyTokensAndRangesOutsideTheTextFindNothing() {
        #expect(KeywordTable<Int>([]).value(Array("x".utf8), 0..<1) == nil)
        let table = KeywordTable([("", 1), ("ab", 2)])
        let bytes = Array("ab".utf8)
        #expect(table.value(bytes, 0..<0) == nil)
        #expect(table.value(bytes, 0..<2) == 2)
        #expect(table.value(bytes, 1..<3) == nil)
        #expect(table.value(Array("AB".utf8), 0..<2) == 2)
    }
}
