import SeededRandom
import Testing
@testable import TextExtraction

/// `trimmingCharacters(in:)` (used for Message-ID and forwarding addresses) trims by
/// bytes where that is exact and gives what its Character rule gives, on generated text
/// with brackets, quotes, blanks, CR LF and non-ASCII that joins a trimmed mark into a
/// larger Character (a combining mark after `>`, a prepended mark before `<`).
@Suite struct HeaderTrimmingEquivalenceTests {
    static let pieces = ["<", ">", "\"", "'", ";", " ", "\t", "\r\n", "\r", "\n", "a", "B", "@", "x.test", "\0",
                         "\u{301}", ">\u{301}", "\u{0600}<", "é", "\u{00A0}", "日"]

    @Test func trimmingMatchesTheCharacterRule() {
        var generator = SplitMix64(state: 31)
        for set in [" \t<>", "<>\"';", " \t\n\r", " ", "é<"] {
            for _ in 0..<3_000 {
                var text = ""
                for _ in 0..<Int.random(in: 0...10, using: &generator) { text += Self.pieces.randomElement(using: &generator)! }
                #expect(text.trimmingCharacters(in: set) == text.trimmingCharactersByCharacter(in: set),
                        "\(text.debugDescription) in \(set.debugDescription)")
            }
        }
        #expect("<ab@x.test>".trimmingCharacters(in: " \t<>") == "ab@x.test")
        #expect("<ab>\u{301}".trimmingCharacters(in: " \t<>") == "ab>\u{301}")
    }
}
