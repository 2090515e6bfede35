import Foundation
@testable import Policy
import SeededRandom
import Testing

/// `RecipientClassifier.normalise` and `domain(of:)` on ASCII bytes give exactly what
/// the Foundation and Character rules they replaced give (kept for non-ASCII text), on
/// generated hostile addresses: blanks, angle brackets, dots, case, CR LF, NUL, and
/// non-ASCII that Foundation trims by scalar (no-break and other Unicode spaces) or that
/// joins a bracket or an `@` into a larger Character.
@Suite struct AddressNormalisingEquivalenceTests {
    static let ascii = ["Ann", "owl", ".", "..", "@", "<", ">", " ", "\t", "\r\n", "\n", "\0", "Example", "SCH", "uk", "-", "+", "\"", "x@y", "<>", "Z"]
    static let nonASCII = ["\u{00A0}", "\u{2003}", "\u{3000}", "\u{301}", "<\u{301}", "@\u{308}", ".\u{301}", "É", "ß", "\u{212A}", "İ", "日本"]

    static func address(_ generator: inout SplitMix64, asciiOnly: Bool) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            if !asciiOnly, Int.random(in: 0..<4, using: &generator) == 0 {
                text += nonASCII.randomElement(using: &generator)!
            } else {
                text += ascii.randomElement(using: &generator)!
            }
        }
        return text
    }

    @Test func normaliseMatchesTheFoundationRule() {
        var generator = SplitMix64(state: 21)
        for round in 0..<6_000 {
            let address = Self.address(&generator, asciiOnly: round % 2 == 0)
            #expect(RecipientClassifier.normalise(address) == RecipientClassifier.normaliseByFoundation(address), "\(address.debugDescription)")
        }
        for address in ["<>", "<", ">", " <Ann@X.Test> ", "\t<a>\t", "<<a>>", "\u{00A0}a@b\u{00A0}", "A@B.TEST."] {
            #expect(RecipientClassifier.normalise(address) == RecipientClassifier.normaliseByFoundation(address), "\(address.debugDescription)")
        }
    }

    @Test func loginTrimmingMatchesFoundation() {
        var generator = SplitMix64(state: 23)
        for round in 0..<6_000 {
            let login = Self.address(&generator, asciiOnly: round % 2 == 0)
            #expect(RecipientClassifier.trimmingWhitespaces(login) == login.trimmingCharacters(in: .whitespaces), "\(login.debugDescription)")
        }
    }

    @Test func domainMatchesTheCharacterRule() {
        var generator = SplitMix64(state: 22)
        for round in 0..<6_000 {
            let address = Self.address(&generator, asciiOnly: round % 2 == 0)
            #expect(RecipientClassifier.domain(of: address) == RecipientClassifier.domainByCharacter(of: address), "\(address.debugDescription)")
        }
        for address in ["a@b.test...", "@", "a@", "a@.", "no-at", "a@b@c.test", ""] {
            #expect(RecipientClassifier.domain(of: address) == RecipientClassifier.domainByCharacter(of: address), "\(address.debugDescription)")
        }
    }

    /// `isOn` (a domain is a configured one or a subdomain of it) gives String's rule
    /// for any pair: the byte path for ASCII, CR LF (one Character) and all, and the
    /// fallback for text that is not.
    @Test func isOnMatchesTheStringRule() {
        var generator = SplitMix64(state: 24)
        let parents = ["school.example", "sch.uk", "x", "uk", ".", "\r\nb", "\nb", "b\r", "Zoë.example", "e\u{301}.test", "é.test"]
        let subdomains = ["", "a.", "mail.", ".", "x.\r", "\r", "a\u{301}", "é.", "\u{301}"]
        for round in 0..<6_000 {
            let parent = round % 3 == 0 ? Self.address(&generator, asciiOnly: round % 2 == 0) : parents.randomElement(using: &generator)!
            let domain = round % 4 == 0 ? Self.address(&generator, asciiOnly: round % 2 == 0)
                : subdomains.randomElement(using: &generator)! + parent
            let stringRule = domain == parent || domain.hasSuffix("." + parent)
            #expect(RecipientClassifier.isOn(domain, parent) == stringRule, "\(domain.debugDescription) on \(parent.debugDescription)")
        }
        #expect(RecipientClassifier.isOn("mail.school.example", "school.example"))
        #expect(!RecipientClassifier.isOn("xschool.example", "school.example"))
        #expect(!RecipientClassifier.isOn("example", "school.example"))
    }
}
