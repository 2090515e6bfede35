import SeededRandom

/// Generated hostile header text for the byte-path equivalence tests: pieces of
/// addresses, parameters, comments, quoted strings and encoded words, mixed with blanks,
/// CR, LF, CR LF, NUL, overlong runs and non-ASCII that changes what a Character is (a
/// combining mark after a blank or a special, a prepended mark before one, no-break and
/// other Unicode spaces, the Kelvin sign). Seeded (SplitMix64), so every run is the same.
struct HostileHeaderText: RandomNumberGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(state: seed) }

    mutating func next() -> UInt64 { random.next() }

    static let asciiPieces: [String] = [
        "a", "Zo", "ann.owl", "Head", "x", "EXAMPLE", "sch", "uk", ".", "..", "-", "_", "+", "'", "=",
        "<", ">", "@", ",", ";", ":", "\"", "(", ")", "[", "]", "\\", "/", "*", "*0*", "*1", "?",
        " ", "  ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{0C}", "\0",
        "=?utf-8?q?Zo=C3=AB?=", "=?UTF-8?B?WsO2ZQ==?=", "=?iso-8859-1?q?caf=E9?=", "=?x?q?bad", "=??=",
        "Governors:", "undisclosed-recipients:;", "<@relay.test:zoe@Home.Test>", "\"john smith\"@Example.COM",
        "pat@site.test (Pat (the) Parent)", "(a\\)b)", "\"q\\\"t\"", "[192.0.2.1]", "text/plain", "multipart/mixed",
        "; charset=\"UTF-8\"", "; boundary=----=_Part_1", "; name*=utf-8''caf%C3%A9.pdf", "; filename*0=\"a\"; filename*1=b",
        "; name=\"=?utf-8?q?r=C3=A9sum=C3=A9?=.doc\"", "FROM", "Reply-To", "X-Forwarded-For",
    ]

    static let nonASCIIPieces: [String] = [
        "é", "e\u{301}", "\u{301}", " \u{301}", "<\u{301}", "@\u{308}", "\u{00A0}", "\u{2003}", "\u{3000}",
        "\u{0600}", "\u{0600} ", "\u{212A}", "\u{037E}", "Zoë", "日本", "👩‍👩‍👧", "\u{FEFF}", "\u{85}", "\u{2028}",
    ]

    /// A string of up to `maxPieces` pieces; ASCII only when `asciiOnly`.
    mutating func text(maxPieces: Int = 24, asciiOnly: Bool) -> String {
        var text = ""
        let count = Int.random(in: 0...maxPieces, using: &self)
        for _ in 0..<count {
            if !asciiOnly, Int.random(in: 0..<5, using: &self) == 0 {
                text += Self.nonASCIIPieces.randomElement(using: &self)!
            } else if Int.random(in: 0..<60, using: &self) == 0 {
                text += String(repeating: Self.asciiPieces.randomElement(using: &self)!, count: Int.random(in: 50...400, using: &self))
            } else {
                text += Self.asciiPieces.randomElement(using: &self)!
            }
        }
        return text
    }
}
