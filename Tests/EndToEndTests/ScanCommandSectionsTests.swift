import Foundation
import Testing

/// What `sections` means in `chaperone scan --json`: the sections breached. A partner
/// tag breaches none; the rule that tagged the message and its governing section are
/// in `rules` and `governing_sections`, and each finding names the rules it made act.
@Suite struct ScanCommandSectionsTests {
    @Test func aPartnerTagHasNoSectionsAndNamesItsRuleAndGoverningSection() throws {
        let results = try ScanCommandRoleTests.scan([
            ScanCommandRoleTests.sample("18-partner-sensitive.eml"), ScanCommandRoleTests.sample("30-pupil-report-to-gmail.eml"),
            ScanCommandRoleTests.sample("01-internal-staff-note.eml"),
        ])
        #expect(results.count == 3)
        let tag = try #require(results.first { ($0["file"] as? String)?.hasSuffix("18-partner-sensitive.eml") == true })
        #expect(tag["action"] as? String == "tag")
        #expect(tag["sections"] as? [String] == [])
        #expect(tag["rules"] as? [String] == ["8.sensitive-to-partner"])
        #expect(tag["governing_sections"] as? [String] == ["8"])
        let findings = try #require(tag["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rules"] as? [String] == ["8.sensitive-to-partner"] })
        #expect(findings.allSatisfy { $0["sections"] as? [String] == [] && $0["section"] is NSNull })

        let held = try #require(results.first { ($0["file"] as? String)?.hasSuffix("30-pupil-report-to-gmail.eml") == true })
        #expect(held["sections"] as? [String] == ["7.2", "8"])
        #expect(held["rules"] as? [String] == ["7.2.pupil-data-to-personal"])
        #expect(held["governing_sections"] as? [String] == ["7.2", "8"])

        let clean = try #require(results.first { ($0["file"] as? String)?.hasSuffix("01-internal-staff-note.eml") == true })
        #expect(clean["sections"] as? [String] == [])
        #expect(clean["rules"] as? [String] == [])
        #expect(clean["governing_sections"] as? [String] == [])
    }
}
