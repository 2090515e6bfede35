import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct ContactDetailTests {
    @Test(arguments: ["07700 900461", "07700900461", "+44 7700 900461", "+44 (0)7700 900461", "07624 123456",
                      "(07700) 900461", "07700-900-461"])
    func mobiles(text: String) {
        #expect(TestSchool.kinds("Call " + text + " today").contains(.mobileNumber))
    }

    @Test(arguments: ["07700 90046", "07700 9004611", "07600 123456", "07012 345678", "06700 900461", "020 7946 0958",
                      "1207700900461"])
    func notMobiles(text: String) {
        #expect(!TestSchool.kinds("Call " + text + " today").contains(.mobileNumber))
    }

    @Test func mobileEvidenceIsRedacted() {
        #expect(TestSchool.findings("+44 7700 900461").first?.evidence == "07*** ***461")
    }

    @Test func webmailAddresses() throws {
        let finding = try #require(TestSchool.findings("my email is Jo.Bloggs@GMail.com.").first)
        #expect(finding.detector == .personalEmail)
        #expect(finding.evidence == "j***@gmail.com")
        #expect(!TestSchool.kinds("write to office@ralphthoresby.example").contains(.personalEmail))
        let extra = DetectionEngine(roster: Roster(), thresholds: .init(), extraWebmailDomains: ["Example.NET"])
        #expect(TestSchool.findings("a@example.net", engine: extra).first?.detector == .personalEmail)
    }

    @Test func rosterAddressesAreLinked() throws {
        let pupil = try #require(TestSchool.findings("jpemberton@pupils.ralphthoresby.example").first)
        #expect(pupil.detector == .pupilEmail && pupil.pupil == "B801200005001")
        let parent = try #require(TestSchool.findings("Helen.Pemberton@hotmail.co.uk").first)
        #expect(parent.detector == .pupilEmail && parent.pupil == "B801200005001")
    }

    @Test func addressHeadersAreNotScanned() {
        let segment = TextSegment(location: .header("To"), text: "Jonah Pemberton <jpemberton@pupils.ralphthoresby.example>")
        #expect(TestSchool.engine.findings(in: MessageContent(segments: [segment])).isEmpty)
    }

    @Test(arguments: [
        ("follow me instagram.com/jo.smith_12", "instagram"),
        ("add me on snap: jo_smith12", "snapchat"),
        ("my insta is @jo.smith", "instagram"),
        ("https://wa.me/447700900461", "whatsapp"),
        ("join discord.gg/abcDEF", "discord"),
        ("tiktok @dancer.jo", "tiktok"),
        ("x.com/jsmith", "x"),
    ])
    func socialMedia(text: String, platform: String) throws {
        let finding = try #require(TestSchool.findings(text).first { $0.detector == .socialMedia })
        #expect(finding.detail == platform)
    }

    @Test(arguments: ["I took a snap decision", "The instagram account is run by the office", "email jo@instagram.com"])
    func notSocialMedia(text: String) {
        #expect(!TestSchool.kinds(text).contains(.socialMedia))
    }

    @Test(arguments: ["password: Bluebird42", "Username: jsmith Password: tr0ub4dor", "pwd=abc123",
                      "Your password is Summer2024!", "Your login details are jsmith / Kestrel77", "PIN: 4821"])
    func credentials(text: String) throws {
        let finding = try #require(TestSchool.findings(text).first { $0.detector == .credential })
        #expect(!finding.evidence.contains("Bluebird") && !finding.evidence.contains("tr0ub4dor"))
    }

    @Test(arguments: ["To reset your password, click the link below.", "Password: must be at least 8 characters",
                      "Your password is case sensitive.", "Forgotten your password? Ask IT.", "password: ********"])
    func notCredentials(text: String) {
        #expect(!TestSchool.kinds(text).contains(.credential))
    }
}
