import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct ConfigurationDataTests {
    @Test func webmailListCoversTheCommonUKDomains() {
        let required = ["gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com",
                        "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com",
                        "aol.com", "aol.co.uk", "btinternet.com", "btopenworld.com", "sky.com", "virginmedia.com",
                        "ntlworld.com", "blueyonder.co.uk", "talktalk.net", "tiscali.co.uk", "plus.com", "gmx.com",
                        "gmx.co.uk", "mail.com", "protonmail.com", "proton.me", "zoho.com", "yandex.com", "tutanota.com",
                        "fastmail.com", "hushmail.com", "inbox.com", "mail.ru", "qq.com", "163.com", "rocketmail.com"]
        #expect(WebmailDomains.builtIn.isSuperset(of: required))
        #expect(WebmailDomains.builtIn.allSatisfy { $0 == $0.lowercased() && $0.contains(".") })
    }

    @Test func customTermFamiliesAreUsed() throws {
        let terms = SpecialCategoryTerms(families: [.init(name: "local", terms: ["nurture group", "=NG"])])
        let engine = DetectionEngine(roster: TestSchool.roster, thresholds: .init(), terms: terms)
        let finding = try #require(TestSchool.findings("Jonah Pemberton joins the Nurture Group.", engine: engine)
            .first { $0.detector == .specialCategory })
        #expect(finding.detail == "local")
        #expect(!TestSchool.findings("Jonah Pemberton has an EHCP.", engine: engine).contains { $0.detector == .specialCategory })
        #expect(!TestSchool.findings("Jonah Pemberton ng", engine: engine).contains { $0.detector == .specialCategory })
    }

    @Test func everyDefaultTermIsFoundNextToAPupil() {
        for family in SpecialCategoryTerms.default.families {
            for term in family.terms {
                let written = term.hasPrefix("=") ? String(term.dropFirst()) : term
                let findings = TestSchool.findings("Jonah Pemberton: \(written).")
                #expect(findings.contains { $0.detector == .specialCategory }, "\(family.name): \(term)")
            }
        }
    }

    @Test func misColumnHeadingsAreCaseAndSpaceInsensitive() {
        #expect(MISColumn.column(forHeading: " legal_SURNAME ") == .surname)
        #expect(MISColumn.column(forHeading: "Date of Birth") == .dateOfBirth)
        #expect(ContactHeading("Contact 3 Mobile") == ContactHeading("contact3mobile"))
        #expect(ContactHeading("Contact 10 Email") == nil)
        #expect(AddressHeading.lineNumber("Address Line 4") == 4)
    }
}
