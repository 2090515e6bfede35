import ChaperoneModel
import Foundation
import Testing

/// Decision rows keep findings as JSON: findings stored before `rules` existed must
/// still read, and new ones round-trip.
@Suite struct FindingCodingTests {
    @Test func aFindingStoredBeforeRulesReadsWithNoRules() throws {
        let finding = Finding(
            detector: .upn, location: .body("1"), evidence: "A1234…Z", confidence: 0.9, pupil: "K1",
            sections: [.confidentiality], rules: ["8.sensitive-to-outside"])
        let encoded = try JSONEncoder().encode(finding)
        #expect(try JSONDecoder().decode(Finding.self, from: encoded) == finding)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object.removeValue(forKey: "rules") != nil)
        let older = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(Finding.self, from: older)
        #expect(decoded.rules.isEmpty)
        #expect(decoded.sections == [.confidentiality])
        #expect(decoded.evidence == "A1234…Z")
    }
}
