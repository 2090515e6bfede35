import ChaperoneModel
import Testing
@testable import MIMEParser

/// Deterministic pseudo-random messages built from the tokens that matter to a MIME
/// parser: any byte sequence must give a tree within the limits, the same tree however
/// it is chunked, and never a crash.
@Suite struct GarbageInputTests {
    static let tokens: [[UInt8]] = [
        "\r\n", "\n", "\r", "--a", "--a--", "--b", "--b--", "Content-Type: multipart/mixed; boundary=a",
        "Content-Type: multipart/alternative; boundary=b", "Content-Type: message/rfc822",
        "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable", "=", "=?utf-8?q?",
        "?=", "=C3", "\u{0}", ":", " ", "\t", "Subject: x", "QUJD", "é", "\"", "(", ";", "filename*0*=",
    ].map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC3]]

    static func message(seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var bytes: [UInt8] = []
        let count = Int(state % 400) + 1
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            bytes += tokens[Int(state % UInt64(tokens.count))]
        }
        return bytes
    }

    @Test(arguments: 0..<200)
    func anyBytesGiveATreeWithinLimits(seed: Int) {
        var limits = Limits()
        limits.maxParts = 40
        limits.maxNestingDepth = 6
        let bytes = Self.message(seed: UInt64(seed))
        let whole = ParsedMessage.parse(bytes, limits: limits)
        let parts = whole.root.allParts
        #expect(parts.count <= 40)
        #expect(parts.allSatisfy { $0.depth <= 6 })
        #expect(MessageText.parseInChunks(bytes, size: 1, limits: limits) == whole)
        #expect(MessageText.parseInChunks(bytes, size: 5, limits: limits) == whole)
    }
}
