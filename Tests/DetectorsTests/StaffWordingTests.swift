import ChaperoneModel
import Testing
@testable import Detectors

/// Detection of the forms staff really write (issue 10): longer name forms, credentials
/// without a colon, handles introduced by a phrase, terms beside a pupil, UPN look-alikes.
@Suite struct StaffWordingTests {
    static let students: [Student] = TestSchool.students + [
        Student(key: "k-amara", legalForename: "Amara", surname: "Okafor", yearGroup: "7", regGroup: "7C"),
        Student(key: "k-ben", legalForename: "Ben", surname: "Okafor", yearGroup: "9", regGroup: "9B"),
        Student(key: "k-asha", legalForename: "Asha", surname: "Mensah", yearGroup: "8", regGroup: "8A"),
        Student(key: "k-alex", legalForename: "Alex", surname: "Mensah", yearGroup: "10", regGroup: "10D"),
    ]
    static let engine = DetectionEngine(roster: Roster(students: students), thresholds: .init(),
                                        officialSocialAccounts: ["@RalphThoresbyPE", "https://instagram.com/ralphthoresbyschool/"])

    static func findings(_ text: String, role: TextSegment.Role = .prose) -> [Finding] {
        TestSchool.findings(text, role: role, engine: engine)
    }

    static func pupils(_ text: String) -> [String?] {
        findings(text).filter { $0.detector == .pupilName }.map(\.pupil)
    }

    /// Findings of a table: a header row then data rows, as HTML and CSV extraction make them.
    static func table(_ rows: [String]) -> [Finding] {
        let segments = rows.enumerated().map { row, text in
            // As `CSVTextExtractor` places them: each row's number in the location's detail.
            TextSegment(location: TextLocation(kind: .attachment, name: "list.csv", partPath: "2", detail: "row \(row + 1)"),
                        role: .tableRow, text: text, table: 0, row: row)
        }
        return engine.findings(in: MessageContent(segments: segments))
    }

    // MARK: Names

    @Test(arguments: [
        ("Amara Grace Okafor was absent", "k-amara"),
        ("Amara Grace Louise Okafor", "k-amara"),
        ("Amara G. Okafor", "k-amara"),
        ("AMARA GRACE OKAFOR", "k-amara"),
        ("Jonah Zoë Pemberton", "B801200005001"),
        ("OKAFOR Amara (7C)", "k-amara"),
        ("O'NEILL Ciarán", "k-ciaran"),
        ("OKAFOR-BRENNAN Zoë", "k-zoe"),
        ("A. Okafor (7C) was late", "k-amara"),
        ("A Okafor, Year 7", "k-amara"),
        ("7C: A. Okafor", "k-amara"),
        ("A. Okafor Y7", "k-amara"),
    ])
    func longerNameForms(text: String, key: String) {
        #expect(Self.pupils(text) == [key], "\(text)")
    }

    @Test(arguments: [
        "Amara grace Okafor",  // a lower-case middle word is not a middle name
        "Amara, Grace, Okafor",  // a comma list
        "Amara\nGrace Okafor",  // across a line break in prose
        "Amara Pemberton",  // forename of one pupil, surname of another
        "Amara Grace Pemberton",
        "Okafor Amara",  // reversed, not in SIMS capitals, not in a Name column
        "OKAFOR AMARA",  // all capitals is ambiguous
        "A. Okafor was late",  // initial without a group beside it
        "A. Mensah (8A)",  // two pupils share A. Mensah
        "Mr A. Okafor (7C)",  // an adult
        "B. Okafor 7C",  // Ben is in 9B
        "Amara came in",  // lone forename
        "Mrs Okafor called",  // lone surname
    ])
    func notLongerNameForms(text: String) {
        #expect(Self.pupils(text).isEmpty, "\(text)")
    }

    @Test func surnameForenameInANameColumn() {
        let named = Self.table(["Name\tYear\tNotes", "Okafor Amara\t7\tgood progress"])
        #expect(named.filter { $0.detector == .pupilName }.map(\.pupil) == ["k-amara"])
        let other = Self.table(["Notes\tYear", "Okafor Amara\t7"])
        #expect(other.filter { $0.detector == .pupilName }.isEmpty)
        let middle = Self.table(["Forename\tMiddle Names\tSurname", "Amara\tGrace\tOkafor"])
        #expect(middle.filter { $0.detector == .pupilName }.map(\.pupil) == ["k-amara"])
    }

    // MARK: Special-category terms beside a pupil

    @Test(arguments: [
        "Thank you for the medical evidence you provided for Amara Okafor.",
        "Summer Brook has asthma and uses an inhaler.",
        "Summer Brook joined the trip.\n\nShe has asthma.",
        "Amara Okafor is on the SEN register.",
        "Amara Okafor receives pupil premium.",
        "Amara Okafor takes Ritalin at lunchtime.",
        "Amara Okafor had a panic attack in maths.",
        "Amara Okafor is on melatonin to help her sleep.",
    ])
    func termsBesideAPupilAlwaysReachTheThreshold(text: String) throws {
        let finding = try #require(Self.findings(text).first { $0.detector == .specialCategory }, "\(text)")
        #expect(finding.confidence >= Configuration.Thresholds().minimumConfidence)
    }

    @Test(arguments: [
        "Amara Okafor's account was disabled, please re-enable it.",
        "Amara Okafor scored well in the health and safety quiz.",
        "Amara Okafor will bring a packed lunch.",
    ])
    func ordinaryWordsBesideAPupilAreNotSensitive(text: String) {
        #expect(!Self.findings(text).contains { $0.detector == .specialCategory }, "\(text)")
    }

    // MARK: Credentials

    @Test(arguments: [
        "password BlueKestrel-33#", "Password - Kestrel33!", "Password – Kestrel33!", "pass: Kestrel33!",
        "your pwd is x7#kq9", "PIN 4821", "Passcode: 0739", "password is BlueKestrel", "pw Summer2024",
        "Login: jsmith Password: BlueKestrel", "PIN code: 4821", "Password:\nKestrel33!",
    ])
    func credentialsWithoutAColon(text: String) throws {
        let finding = try #require(Self.findings(text).first { $0.detector == .credential }, "\(text)")
        #expect(!finding.evidence.contains("Kestrel"))
    }

    @Test(arguments: [
        "Reset your password at the link below.", "Your password must be 8 characters.",
        "Password - see the attached letter", "Pass: 100%", "Please pass the message on to Year 7.",
        "Your password is case-sensitive.", "Change your password now!", "password reset requested",
        "The PIN is on the letter", "pass rates rose to 95%", "Password: (same as before)",
    ])
    func resetInstructionsStayNegative(text: String) {
        #expect(!Self.findings(text).contains { $0.detector == .credential }, "\(text)")
    }

    @Test func passwordColumnsAndRows() {
        #expect(Self.table(["Username\tPassword\tYear", "amara.o\tKestrel33!\t7"]).contains { $0.detector == .credential })
        #expect(Self.table(["Name\tPIN", "Amara\t4821"]).contains { $0.detector == .credential })
        #expect(Self.table(["Field\tValue", "Password\tKestrel33!"]).contains { $0.detector == .credential })
        #expect(!Self.table(["Username\tPassword\tYear"]).contains { $0.detector == .credential })
        #expect(Self.table(["Login\tPass", "tt-admin\tKestrel33!"]).contains { $0.detector == .credential })
        #expect(!Self.table(["Name\tPass\tMerit", "Amara\tYes\tNo"]).contains { $0.detector == .credential })
        #expect(!Self.table(["Name\tPassword set", "Amara\tyes"]).contains { $0.detector == .credential })
        #expect(!Self.table(["Name\tPassword", "Amara\tissued"]).contains { $0.detector == .credential })
        #expect(!Self.table(["Username\tPassword", "amara.o\tsee letter"]).contains { $0.detector == .credential })
    }

    // MARK: Social media and contact

    @Test(arguments: [
        ("my Snapchat is jo_smith", "snapchat"), ("my snap is jonahp", "snapchat"),
        ("add me on insta jo.smith", "instagram"), ("I'm jo.smith on TikTok", "tiktok"),
        ("I'm @jo_smith on snapchat", "snapchat"), ("discord: jo#1234", "discord"),
        ("my discord name is jo#1234", "discord"), ("WhatsApp me on 07700 900461", "whatsapp"),
        ("whatsapp me at +44 7700 900461", "whatsapp"), ("https://chat.whatsapp.com/AbC123xyz", "whatsapp"),
        ("snapchat.com/add/jo_smith", "snapchat"), ("linkedin.com/in/jsmith", "linkedin"),
        ("Her Snapchat is amara_o7", "snapchat"),
    ])
    func handlesInPhrases(text: String, platform: String) throws {
        let finding = try #require(Self.findings(text).first { $0.detector == .socialMedia }, "\(text)")
        #expect(finding.detail == platform)
        #expect(!finding.evidence.contains("smith"))
    }

    @Test(arguments: [
        "the snapchat is dangerous for young children", "add me on snap later", "I'm going on TikTok",
        "I'm not on snapchat", "Follow us @RalphThoresbyPE on twitter", "see instagram.com/ralphthoresbyschool",
        "Our Instagram is @RalphThoresbyPE", "WhatsApp groups are not allowed",
    ])
    func notPersonalHandles(text: String) {
        // "add me on snap later" is an invitation to connect (ContactInvitationTests), but
        // "later" is no handle.
        #expect(!Self.findings(text).contains { $0.detector == .socialMedia && !$0.evidence.hasPrefix("invitation") }, "\(text)")
    }

    // MARK: UPN look-alikes

    static func upn(_ body: String) -> String {
        String(UniquePupilNumber.checkLetter(forBody: body)!) + body
    }

    static func upnConfidence(_ text: String) throws -> Double {
        try #require(Self.findings(text).first { $0.detector == .upn }).confidence
    }

    @Test func lookAlikeRule() throws {
        let threshold = Configuration.Thresholds().minimumConfidence
        let surrey = Self.upn("936100225431"), unissued = Self.upn("999100225431"), gap = Self.upn("814100225431")
        #expect(try Self.upnConfidence("Pupil " + surrey + " joins on Monday") >= threshold)
        #expect(try Self.upnConfidence("Your booking reference is " + surrey) < threshold)
        #expect(try Self.upnConfidence("Order no. " + surrey + " has shipped") < threshold)
        #expect(try Self.upnConfidence("Invoice " + surrey) < threshold)
        #expect(try Self.upnConfidence(surrey + " (confirmation)") < threshold)
        #expect(try Self.upnConfidence("Pupil " + unissued + " joins") < threshold, "999 is no LA code")
        #expect(try Self.upnConfidence("Pupil " + gap + " joins") < threshold, "814 was never issued")
        #expect(try Self.upnConfidence("Pupil " + Self.upn("936100275431") + " joins") < threshold, "no UPN was allocated in '75")
        #expect(try Self.upnConfidence("UPN: " + unissued) >= threshold, "introduced as a UPN")
        #expect(try Self.upnConfidence("Booking ref B801200005001") == 1, "a roster UPN whatever the context")
    }

    @Test func aReferenceNumberIsNoPupilReference() {
        let surrey = Self.upn("936100225431")
        let text = "Booking reference " + surrey + ": two pupils with asthma will attend."
        #expect(!Self.findings(text).contains { $0.detector == .specialCategory })
    }

    @Test func localAuthorityCodesAreTheDfEList() {
        #expect(LocalAuthorityCodes.known.count == 153 + 7)
        for code in [201, 213, 301, 320, 383, 420, 800, 896, 908, 938, 940, 943] {
            #expect(LocalAuthorityCodes.known.contains(code), "\(code)")
        }
        for code in [200, 214, 321, 804, 809, 814, 817, 897, 900, 944, 999] {
            #expect(!LocalAuthorityCodes.known.contains(code), "\(code)")
        }
    }
}

/// Accounts listed one per line below an account word (`CredentialScanner.accountLines`).
@Suite struct AccountLineTests {
    static func credentials(_ text: String) -> Int {
        StaffWordingTests.engine.findings(in: MessageContent(segments: [TextSegment(location: .body("1"), text: text)]))
            .filter { $0.detector == .credential }.count
    }

    @Test(arguments: [
        ("Hi, these two accounts can't log in:\nava.mensah / Sunflower22\nhana.thackray / Tiger!Lily9\nCan you reset them?", 2),
        ("New starters' logins\n- j.smith07 - BlueKestrel\n- a.khan12 - Quartz!58", 2),
        ("Usernames below\nhthackray27\tMaple-58x", 1),
        ("Please reset the account for\n• ava.mensah : Sunflower22", 1),
    ])
    func accountLinesBelowAnAccountWordAreCredentials(text: String, count: Int) {
        #expect(Self.credentials(text) == count, "\(text)")
    }

    @Test(arguments: [
        "Rooms for the log in session:\n7A / 7B\nRoom 12 - Block B",  // no user name
        "ava.mensah / Sunflower22",  // no account word above
        "The accounts are closed.\nSee https://example.org / Home2",  // a link, not a user name
        "Your account\nj.smith07 / reset",  // an instruction word, not a secret
        "Account notes:\nj.smith07 / left in July 2026",  // a sentence, not one secret
        "Staff accounts can't log in. The error is:\nAUTH-401 / TokenExpired",  // an error code
        "Pupils log in to Sparx with their class code:\nyear7 / set2",  // a class code, too short for a secret
    ])
    func otherLinesAreNot(text: String) {
        #expect(Self.credentials(text) == 0, "\(text)")
    }
}
