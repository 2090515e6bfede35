import ChaperoneModel
@testable import Policy
import Testing

/// Issue 21 items 2 and 3: §5 follows the consent the roster holds, route by route,
/// and a list of names to families is a publication, not a data export.
@Suite struct ImageConsentPolicyTests {
    static func pupil(_ key: String, _ surname: String, parent: String, publications: Bool?, press: Bool?) -> (Student, Contact) {
        var consent = ImageConsent()
        if let publications { consent.record(publications, for: .schoolPublications) }
        if let press { consent.record(press, for: .pressAndMedia) }
        var student = Student(key: key, legalForename: "Pupil", surname: surname, contactKeys: ["C-" + key])
        student.imageConsent = consent
        return (student, Contact(key: "C-" + key, name: "Parent " + surname, emails: [parent], pupilKeys: [key]))
    }

    /// P1 has every consent, P2 publications only, P3 refused everything, P4 nothing recorded;
    /// L1…L12 have publication consent (a commendation list).
    static let roster: Roster = {
        var pairs = [
            pupil("P1", "Adams", parent: "p1.parent@gmail.com", publications: true, press: true),
            pupil("P2", "Brook", parent: "p2.parent@gmail.com", publications: true, press: nil),
            pupil("P3", "Cole", parent: "p3.parent@gmail.com", publications: false, press: false),
            pupil("P4", "Dale", parent: "p4.parent@gmail.com", publications: nil, press: nil),
        ]
        for number in 1...12 {
            pairs.append(pupil("L\(number)", "List\(number)", parent: "l\(number).parent@gmail.com", publications: true, press: nil))
        }
        return Roster(students: pairs.map(\.0), contacts: pairs.map(\.1),
                      staff: [StaffMember(email: "k.teacher@school.example", name: "Kim Teacher", personalEmails: ["kim.t@yahoo.co.uk"])])
    }()

    static func decide(_ recipients: [String], _ findings: [Finding], configure: (inout Configuration) -> Void = { _ in }) -> PolicyDecision {
        var configuration = PolicyFixtures.configuration
        configure(&configuration)
        let engine = PolicyEngine(configuration: configuration, roster: roster, webmailDomains: PolicyFixtures.webmail)
        return engine.decide(envelope: Envelope(sender: PolicyFixtures.sender, recipients: recipients), findings: findings)
    }

    static func photo(naming pupils: [String]) -> [Finding] {
        [PolicyFixtures.finding(.imageAttachment, at: .attachment("sports-day.jpg", partPath: "3"))]
            + pupils.map { PolicyFixtures.finding(.pupilName, pupil: $0) }
    }

    static let families = ["p1.parent@gmail.com", "p2.parent@gmail.com", "p4.parent@gmail.com", "l1.parent@gmail.com", "l2.parent@gmail.com"]

    @Test func aNewsletterPhotoOfAConsentingPupilToFamiliesIsAccepted() {
        let decision = Self.decide(Self.families, Self.photo(naming: ["P2"]))
        #expect(decision.action == .accept, "\(decision.hits)")
    }

    @Test func refusedOrUnknownPublicationConsentHoldsItCountingNeverNaming() throws {
        let refused = Self.decide(Self.families, Self.photo(naming: ["P2", "P3"]))
        #expect(refused.action == .quarantine && refused.sections == [.images])
        let hit = try #require(refused.hits.first { $0.rule == "5.images-publication-consent-refused" })
        #expect(hit.recipients.count == Self.families.count, "one hit for the whole newsletter")
        #expect(hit.reason.contains("of the 2 students named, 1 has refused consent for school publications"))
        #expect(!refused.explanation.contains("Cole") && !refused.explanation.contains("C***"))
        let unknown = Self.decide(Self.families, Self.photo(naming: ["P4"]))
        #expect(unknown.action == .quarantine)
        #expect(unknown.hits.first?.reason.contains("the student named has no consent recorded for school publications") == true, "\(unknown.hits)")
    }

    @Test func aParentMayBeSentTheirOwnChildWhateverTheConsent() {
        #expect(Self.decide(["p4.parent@gmail.com"], Self.photo(naming: ["P4"])).action == .accept)
        let others = Self.decide(["p4.parent@gmail.com", "p1.parent@gmail.com"], Self.photo(naming: ["P4"]))
        #expect(others.action == .quarantine)
        #expect(others.hits.first?.recipients == ["p1.parent@gmail.com"])
    }

    @Test func whatUnknownMeansIsChosenPerRoute() {
        let accepted = Self.decide(Self.families, Self.photo(naming: ["P4"])) { $0.images.unknownConsent.parents = .accept }
        #expect(accepted.action == .accept)
        let tagged = Self.decide(["news@paper.example"], Self.photo(naming: ["P2"])) { $0.images.unknownConsent.outside = .tag }
        #expect(tagged.action == .tag)
        // A refusal is held whatever unknown means.
        let refused = Self.decide(Self.families, Self.photo(naming: ["P3"])) { $0.images.unknownConsent.parents = .accept }
        #expect(refused.action == .quarantine)
    }

    @Test func insideTheSchoolOnlyARecordedRefusalIsHeldByDefault() {
        #expect(Self.decide(["office@school.example"], Self.photo(naming: ["P4"])).action == .accept)
        #expect(Self.decide(["office@school.example"], Self.photo(naming: ["P1"])).action == .accept)
        let refused = Self.decide(["office@school.example"], Self.photo(naming: ["P3"]))
        #expect(refused.action == .quarantine && refused.sections == [.images])
        let strict = Self.decide(["office@school.example"], Self.photo(naming: ["P4"])) { $0.images.unknownConsent.internalRecipients = .quarantine }
        #expect(strict.action == .quarantine)
    }

    @Test func thePressNeedsPressAndMediaConsent() throws {
        #expect(Self.decide(["news@paper.example"], Self.photo(naming: ["P1"])).action == .accept)
        let unknown = Self.decide(["news@paper.example"], Self.photo(naming: ["P2"]))
        #expect(unknown.action == .quarantine && unknown.sections == [.images])
        #expect(unknown.hits.first?.rule == "5.images-outside-consent-unknown")
        #expect(unknown.explanation.contains("has no consent recorded for the press and media"))
        let refused = Self.decide(["news@paper.example"], Self.photo(naming: ["P3"]))
        #expect(refused.hits.first?.rule == "5.images-outside-consent-refused")
        let reviewed = Self.decide(["news@paper.example"], Self.photo(naming: ["P1"])) { $0.images.reviewPressImages = true }
        #expect(reviewed.action == .quarantine && reviewed.hits.first?.rule == "5.images-outside-review")
    }

    @Test func aPersonalAddressIsHeldWhateverTheConsent() {
        let decision = Self.decide(["kim.t@yahoo.co.uk"], Self.photo(naming: ["P1"]))
        #expect(decision.action == .quarantine)
        #expect(decision.sections == [.images, .unacceptableUse])
        #expect(decision.hits.contains { $0.rule == "5.images-to-personal" })
    }

    @Test func aPhotoWithoutPupilsIsNoConsentQuestion() {
        #expect(Self.decide(["news@paper.example"], Self.photo(naming: [])).action == .accept)
    }

    static func list(_ pupils: [String], plus extra: [Finding] = []) -> [Finding] {
        pupils.map { PolicyFixtures.finding(.pupilName, pupil: $0) } + extra
            + [Finding(detector: .bulkPupilData, location: .body("1"), evidence: "\(pupils.count) distinct pupils",
                       confidence: 0.95, detail: "\(pupils.count)")]
    }

    static let twelve = (1...12).map { "L\($0)" }

    @Test func aCommendationListOfConsentingPupilsToFamiliesIsAPublication() {
        #expect(Self.decide(Self.families, Self.list(Self.twelve)).action == .accept)
    }

    @Test func aListWithPupilsLackingConsentIsHeldUnderEight() throws {
        let decision = Self.decide(Self.families, Self.list(Array(Self.twelve.prefix(10)) + ["P3", "P4"]))
        #expect(decision.action == .quarantine && decision.sections == [.confidentiality])
        let hit = try #require(decision.hits.first)
        #expect(hit.rule == "8.names-list-without-consent")
        #expect(hit.reason.contains("of the 12 students named, 1 has refused consent and 1 has no consent recorded"))
    }

    @Test func aBulkCountLargerThanThePupilsCheckedIsHeld() {
        var findings = Self.list(Self.twelve)
        findings[findings.count - 1].detail = "15"
        #expect(Self.decide(Self.families, findings).action == .quarantine)
    }

    @Test func recordsAreBulkDataEvenWithConsent() {
        let withDates = Self.list(Self.twelve, plus: [PolicyFixtures.finding(.dateOfBirth, pupil: "L1")])
        let decision = Self.decide(Self.families, withDates)
        #expect(decision.action == .quarantine && decision.hits.contains { $0.rule == "8.misdirected-to-parent" })
        let withUPNs = Self.list(Self.twelve, plus: [PolicyFixtures.finding(.upn, pupil: "L2")])
        #expect(Self.decide(["someone@gmail.com"], withUPNs).sections.contains(.confidentiality))
        let export = Self.list(Self.twelve, plus: [Finding(detector: .misExport, location: .body("1"), evidence: "MIS", confidence: 0.9)])
        #expect(Self.decide(Self.families, export).action == .quarantine)
    }

    @Test func aListOfNamesOutsideTheSchoolStaysBulkData() {
        let decision = Self.decide(["coach@club.example"], Self.list(Self.twelve))
        #expect(decision.action == .quarantine && decision.hits.first?.rule == "8.sensitive-to-outside")
        #expect(Self.decide(["someone@gmail.com"], Self.list(Self.twelve)).action == .quarantine)
    }
}
