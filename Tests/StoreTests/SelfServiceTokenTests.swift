import Foundation
import Store
import Testing

/// Signing and checking self-service tokens: a token is good only for its decision, its
/// sender, under the key that signed it and before its expiry; every tampered field,
/// another decision's id, another key and a stale token are refused; junk never parses.
@Suite struct SelfServiceTokenTests {
    static let key = Array(repeating: UInt8(7), count: SelfServiceSigner.keyBytes)
    static let signer = SelfServiceSigner(key: key)
    static let issued = Date(timeIntervalSince1970: 1_795_000_000)
    static let expiry = issued.addingTimeInterval(72 * 3600)
    static let sender = "teacher@hollowbrook.example"

    static func token(_ id: String = "CH-20261124-7Q3K9X2M") -> SelfServiceToken {
        signer.token(decisionID: id, sender: sender, expiresAt: expiry)
    }

    @Test func aFreshTokenRoundTripsThroughItsTextAndIsGoodForItsSender() throws {
        let token = Self.token()
        let parsed = try #require(SelfServiceToken(text: token.text))
        #expect(parsed == token)
        #expect(parsed.decisionID == "CH-20261124-7Q3K9X2M")
        #expect(parsed.expiryDate == Self.expiry)
        #expect(Self.signer.refusal(of: parsed, sender: Self.sender, now: Self.issued) == nil)
        // The address compares as mail systems compare it: case-insensitively.
        #expect(Self.signer.refusal(of: parsed, sender: "Teacher@HollowBrook.example", now: Self.issued) == nil)
        // Nothing but the id, the expiry and the MAC: no address, no pupil data.
        #expect(!token.text.contains("@") && !token.text.contains("teacher"))
        #expect(token.text.utf8.allSatisfy { $0 < 128 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "?") })
    }

    @Test func everyTamperedFieldIsRefused() throws {
        let token = Self.token()
        var otherDecision = token
        otherDecision.decisionID = "CH-20261124-7Q3K9X2N"
        var longerLife = token
        longerLife.expiresAt += 3600
        #expect(Self.signer.refusal(of: otherDecision, sender: Self.sender, now: Self.issued) == .badSignature)
        #expect(Self.signer.refusal(of: longerLife, sender: Self.sender, now: Self.issued) == .badSignature)
        for index in token.signature.indices {
            var characters = Array(token.signature)
            let position = token.signature.distance(from: token.signature.startIndex, to: index)
            characters[position] = characters[position] == "A" ? "B" : "A"
            var flipped = token
            flipped.signature = String(characters)
            #expect(Self.signer.refusal(of: flipped, sender: Self.sender, now: Self.issued) == .badSignature, "signature changed at \(position)")
        }
        #expect(Self.signer.refusal(of: token, sender: "head@hollowbrook.example", now: Self.issued) == .badSignature)
        let otherKey = SelfServiceSigner(key: Array(repeating: 8, count: SelfServiceSigner.keyBytes))
        #expect(otherKey.refusal(of: token, sender: Self.sender, now: Self.issued) == .badSignature)
    }

    @Test func aTokenForAnotherDecisionDoesNotOpenThisOne() {
        let mine = Self.token("CH-20261124-AAAAAAAA")
        let theirs = Self.token("CH-20261124-BBBBBBBB")
        var swapped = theirs
        swapped.decisionID = mine.decisionID
        #expect(Self.signer.refusal(of: swapped, sender: Self.sender, now: Self.issued) == .badSignature)
        #expect(mine.signature != theirs.signature)
    }

    @Test func aTokenStopsWorkingAtItsExpiry() {
        let token = Self.token()
        #expect(Self.signer.refusal(of: token, sender: Self.sender, now: Self.expiry.addingTimeInterval(-1)) == nil)
        #expect(Self.signer.refusal(of: token, sender: Self.sender, now: Self.expiry) == .expired)
        #expect(Self.signer.refusal(of: token, sender: Self.sender, now: Self.expiry.addingTimeInterval(86_400)) == .expired)
    }

    @Test(arguments: [
        "", ".", "..", "CH-1.2", "CH-1.2.3.4", "CH-20261124-7Q3K9X2M.0." + String(repeating: "A", count: 43),
        "CH-20261124-7Q3K9X2M.-5." + String(repeating: "A", count: 43),
        "CH-20261124-7Q3K9X2M.1795000000." + String(repeating: "A", count: 42),
        "CH-20261124-7Q3K9X2M.1795000000." + String(repeating: "A", count: 42) + "=",
        "CH-20261124-7q3k9x2m.1795000000." + String(repeating: "A", count: 43),
        "XX-20261124-7Q3K9X2M.1795000000." + String(repeating: "A", count: 43),
        "CH-2026'--.1795000000." + String(repeating: "A", count: 43),
        "CH-" + String(repeating: "A", count: 200) + ".1795000000." + String(repeating: "A", count: 43),
        "CH-20261124-7Q3K9X2M.99999999999999999999999." + String(repeating: "A", count: 43),
        "CH-20261124-7Q3K9X2M.1795000000." + String(repeating: "é", count: 43),
    ])
    func junkIsNotAToken(_ text: String) {
        #expect(SelfServiceToken(text: text) == nil)
    }
}
