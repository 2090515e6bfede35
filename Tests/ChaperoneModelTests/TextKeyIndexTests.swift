import Testing
@testable import ChaperoneModel

/// `TextKeyIndex` finds every text it was given, numbers texts in first-insertion order,
/// and treats texts as equal exactly when `String` does (canonical equivalence), as the
/// `[String: Int]` dictionaries it replaced did.
@Suite struct TextKeyIndexTests {
    @Test func manyTextsAreNumberedInOrderAndFoundAfterGrowing() {
        var index = TextKeyIndex()
        let texts = (0..<5_000).map { "pupil\($0)@school.example" } + ["", "a", "Zoë", "李娜", String(repeating: "x", count: 300)]
        for (number, text) in texts.enumerated() {
            #expect(index.insert(text) == (number, true))
        }
        #expect(index.count == texts.count)
        for (number, text) in texts.enumerated() {
            #expect(index.number(of: text) == number)
            #expect(index.insert(text) == (number, false))
            #expect(index[number] == text)
        }
        #expect(index.number(of: "pupil5000@school.example") == nil && index.number(of: "zoë") == nil)
    }

    @Test func canonicallyEquivalentTextsAreOneText() {
        // Every pair is equal as Strings; the first inserted keeps its bytes.
        let pairs = [("caf\u{E9}", "cafe\u{301}"), ("a;b", "a\u{37E}b"), ("K@x.org", "\u{212A}@x.org"), ("`", "\u{1FEF}"),
                     ("\u{212B}", "\u{C5}")]
        for (first, second) in pairs {
            #expect(first == second)
            for (a, b) in [(first, second), (second, first)] {
                var index = TextKeyIndex()
                index.insert("other")
                #expect(index.insert(a) == (1, true))
                #expect(index.number(of: b) == 1, "\(a) then \(b)")
                #expect(index.insert(b) == (1, false))
                #expect(index[1] == a && Array(index[1].utf8) == Array(a.utf8))
            }
        }
        var index = TextKeyIndex()
        index.insert("a;b")
        #expect(index.number(of: "a\u{37E}c") == nil && index.number(of: "a\u{37E}") == nil)
    }

    @Test func caseMappingOnBytesMatchesString() {
        for text in ["", "ABC xyz", "Jo.Smith@School.Example", "ÉLISE", "Straße", "İpek", "\u{212A}", "ΣΑΣ", "ǅ"] {
            var lower: [UInt8] = [], upper: [UInt8] = []
            var copy = text
            copy.withUTF8 {
                UTF8Text.appendLowercased($0, to: &lower)
                UTF8Text.appendUppercased($0, to: &upper)
            }
            #expect(lower == Array(text.lowercased().utf8) && upper == Array(text.uppercased().utf8), "\(text)")
        }
    }
}
