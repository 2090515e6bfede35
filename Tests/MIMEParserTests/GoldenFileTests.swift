import ChaperoneModel
import Testing
@testable import MIMEParser

/// Every fixture message → expected tree as JSON; and for every fixture, feeding it one
/// byte at a time (and in odd chunk sizes) gives exactly the same tree as feeding it whole.
@Suite struct GoldenFileTests {
    @Test func fixturesExist() {
        #expect(GoldenFiles.messageNames().count >= 12)
    }

    @Test(arguments: GoldenFiles.messageNames())
    func fixtureMatchesExpectedTree(name: String) {
        let message = ParsedMessage.parse(GoldenFiles.bytes(of: name))
        let actual = GoldenFiles.json(MessageSummary(message))
        let expectedName = name.replacingOccurrences(of: ".eml", with: ".json")
        #expect(GoldenFiles.expected(expectedName, actual: actual) == actual)
    }

    @Test(arguments: GoldenFiles.messageNames())
    func chunkedFeedingGivesTheSameTree(name: String) {
        let bytes = GoldenFiles.bytes(of: name)
        let whole = ParsedMessage.parse(bytes)
        for size in [1, 2, 3, 7, 64] {
            #expect(MessageText.parseInChunks(bytes, size: size) == whole, "chunk size \(size)")
        }
    }

    static let hostile: [(String, @Sendable () -> [UInt8])] = [
        ("hostile-nested-100", { HostileMessages.nested(depth: 100) }),
        ("hostile-parts-10000", { HostileMessages.manyParts(10_000) }),
        ("hostile-header-line-1mb", { HostileMessages.longHeaderLine(1_000_000) }),
        ("hostile-header-line-2mb", { HostileMessages.longHeaderLine(2_000_000) }),
    ]

    @Test(arguments: hostile.map(\.0))
    func hostileInputMatchesExpectedShape(name: String) {
        guard let generate = Self.hostile.first(where: { $0.0 == name })?.1 else { return }
        let bytes = generate()
        let whole = ParsedMessage.parse(bytes)
        let actual = GoldenFiles.json(ShapeDigest(whole))
        #expect(GoldenFiles.expected(name + ".json", actual: actual) == actual)
        #expect(MessageText.parseInChunks(bytes, size: 1) == whole)
    }
}
