import Testing
@testable import MIMEParser

/// The byte paths for ASCII header text give exactly what the Character rules they
/// replaced give (the Character rules are kept, as the path for non-ASCII text), on
/// generated hostile text (`HostileHeaderText`).
@Suite struct ByteFastPathEquivalenceTests {
    static let rounds = 4_000

    @Test func addressTokensMatchTheCharacterRule() {
        var generator = HostileHeaderText(seed: 11)
        var compared = 0
        for _ in 0..<Self.rounds {
            var text = generator.text(asciiOnly: true)
            let bytes = text.withUTF8 { AddressToken.tokenizeASCII($0) }
            #expect(bytes == AddressToken.tokenizeCharacters(text), "\(text.debugDescription)")
            if bytes != nil { compared += 1 }
        }
        #expect(compared == Self.rounds)
        // Non-ASCII text is left to the Character rule.
        var withMark = "a\u{301}@b.test"
        #expect(withMark.withUTF8 { AddressToken.tokenizeASCII($0) } == nil)
        #expect(AddressToken.tokenize("<\u{301}x@y.test>") == AddressToken.tokenizeCharacters("<\u{301}x@y.test>"))
    }

    @Test func addressListsMatchTheCharacterRule() {
        var generator = HostileHeaderText(seed: 12)
        for _ in 0..<Self.rounds {
            let text = generator.text(asciiOnly: Bool.random(using: &generator))
            // The whole parser over the byte tokens against the parser over Character tokens.
            #expect(AddressListParser.parse(text) == AddressListParser.parse(tokens: AddressToken.tokenizeCharacters(text)),
                    "\(text.debugDescription)")
        }
    }

    @Test func headerBlankTrimmingMatchesTheCharacterRule() {
        var generator = HostileHeaderText(seed: 13)
        for _ in 0..<Self.rounds {
            let text = generator.text(asciiOnly: false)
            #expect(text.trimmingHeaderBlanks() == text.trimmingHeaderBlanksByCharacter(), "\(text.debugDescription)")
            let padded = " \t" + text + "\t "
            #expect(padded.trimmingHeaderBlanks() == padded.trimmingHeaderBlanksByCharacter(), "\(padded.debugDescription)")
        }
        for text in [" \u{301}x ", " x\u{0600} ", "\u{0600} ", " \u{0600}", "  ", "", "\t\u{00A0}a\u{00A0}\t"] {
            #expect(text.trimmingHeaderBlanks() == text.trimmingHeaderBlanksByCharacter(), "\(text.debugDescription)")
        }
    }

    @Test func quoteTrimmingMatchesTheCharacterRule() {
        var generator = HostileHeaderText(seed: 14)
        for _ in 0..<Self.rounds {
            let text = "\" \n" + generator.text(maxPieces: 6, asciiOnly: Bool.random(using: &generator)) + "\"\t"
            #expect(text.trimmingASCIIWhitespaceAndQuotes() == text.trimmingASCIIWhitespaceAndQuotesByCharacter(),
                    "\(text.debugDescription)")
        }
        #expect("\r\n\"utf-8\"".trimmingASCIIWhitespaceAndQuotes() == "\r\n\"utf-8")
    }

    @Test func headerParametersMatchTheCharacterRule() {
        var generator = HostileHeaderText(seed: 15)
        for _ in 0..<Self.rounds {
            let text = generator.text(asciiOnly: true)
            #expect(HeaderParameters(parsing: text) == HeaderParameters(parsingCharacters: text), "\(text.debugDescription)")
            let parameters = "text/plain" + text
            #expect(HeaderParameters(parsing: parameters) == HeaderParameters(parsingCharacters: parameters),
                    "\(parameters.debugDescription)")
        }
    }

    @Test func contentTypesMatchTheCharacterRule() {
        var generator = HostileHeaderText(seed: 17)
        let heads = ["text/plain", "/a/b", "//b", "a//b", "a/", "/", "a/b/", " Text / HTML ", "multipart/\u{0B}mixed", ""]
        for round in 0..<Self.rounds {
            let text = heads[round % heads.count] + generator.text(maxPieces: 8, asciiOnly: true)
            let reference = HeaderParameters(parsingCharacters: text)
            #expect(ContentType(parsing: text) == ContentType(characterValue: reference.value, parameters: reference.parameters),
                    "\(text.debugDescription)")
        }
    }

    @Test func fieldNameLookupMatchesLowercasing() {
        var generator = HostileHeaderText(seed: 16)
        let wanted = ["from", "to", "x-forwarded-for", "reply-to", "k", "\u{212A}", "é", ""]
        for _ in 0..<Self.rounds {
            let name = generator.text(maxPieces: 3, asciiOnly: Bool.random(using: &generator))
            let field = HeaderField(name: name, rawBytes: [], value: "", decodedValue: "")
            for candidate in wanted + [name.lowercased()] {
                #expect(field.hasLowercasedName(candidate) == (field.lowercasedName == candidate), "\(name.debugDescription)")
            }
        }
        #expect(HeaderField(name: "\u{212A}", rawBytes: [], value: "", decodedValue: "").hasLowercasedName("k"))
        #expect(HeaderField(name: "FROM", rawBytes: [], value: "", decodedValue: "").hasLowercasedName("from"))
        #expect(!HeaderField(name: "From", rawBytes: [], value: "", decodedValue: "").hasLowercasedName("From"))
    }
}
