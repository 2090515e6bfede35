import SeededRandom
import Testing
@testable import TextExtraction

/// Line-break normalisation and the ASCII marker search copy and search runs of bytes
/// with the C library; these hold them to the plain byte-at-a-time rules on seeded text
/// thick with CRs, LFs, marker fragments and multi-byte characters.
@Suite struct LineBreakAndMarkerTests {
    static func plainNormalised(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        for index in bytes.indices {
            guard bytes[index] == 0x0D else { output.append(bytes[index]); continue }
            if index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
            output.append(0x0A)
        }
        return output
    }

    static func plainContains(_ text: String, _ marker: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(marker.utf8)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    static let pieces: [[UInt8]] = [
        [0x0D], [0x0A], [0x0D, 0x0A], [0x0D, 0x0D], Array("-----".utf8), Array("BEGIN PGP".utf8),
        Array(" MESSAGE-----".utf8), Array("é".utf8), Array("plain text ".utf8), [0x00],
    ]

    @Test func normalisingLineBreaksEqualsThePlainRule() {
        var random = SplitMix64(state: 0x0D0A)
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 40) { bytes += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
            #expect(PartText.normalisedLineBreaks(bytes) == Self.plainNormalised(bytes), "\(bytes)")
        }
    }

    @Test func markerSearchEqualsThePlainSearch() {
        var random = SplitMix64(state: 0x9609)
        let marker = "-----BEGIN PGP MESSAGE-----"
        var found = 0
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 30) { bytes += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = Self.plainContains(text, marker)
            if expected { found += 1 }
            #expect(text.containsASCII("-----BEGIN PGP MESSAGE-----") == expected, "\(text)")
        }
        #expect(found > 0, "some texts hold the marker")
        #expect("".containsASCII("") && "x".containsASCII("") && !"".containsASCII("x"))
    }
}
