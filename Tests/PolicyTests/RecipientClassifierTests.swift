import ChaperoneModel
@testable import Policy
import Testing

@Suite struct RecipientClassifierTests {
    let classifier = PolicyFixtures.engine().classifier

    @Test(arguments: [
        ("jstone@pupils.school.example", RecipientClass.student),
        ("JSTONE@Pupils.School.Example", .student),
        ("jess.stone.99@gmail.com", .student),
        ("mary.stone@hotmail.co.uk", .parent),
        ("pfield@example.net", .parent),
        ("head@school.example", .internal),
        ("office@admin.school.example", .internal),
        ("someone@notschool.example", .external),
        ("sw@leeds.gov.uk", .partner),
        ("gp@practice.nhs.net", .partner),
        ("anyone@gmail.com", .personal),
        ("kim.t@yahoo.co.uk", .personal),
        ("<friend@outlook.com>", .personal),
        ("supplier@company.example", .external),
        ("not-an-address", .external),
    ])
    func classifies(address: String, expected: RecipientClass) {
        #expect(classifier.classify(address, sender: PolicyFixtures.sender).recipientClass == expected)
    }

    @Test func pupilAddressesAreLinkedAndSchoolAddressRecognised() {
        let school = classifier.classify("jstone@pupils.school.example", sender: PolicyFixtures.sender)
        #expect(school.linkedPupils == ["A123"])
        #expect(school.isSchoolAddress)
        let personal = classifier.classify("jess.stone.99@gmail.com", sender: PolicyFixtures.sender)
        #expect(!personal.isSchoolAddress)
    }

    @Test func parentIsLinkedToTheirChildOnly() {
        #expect(classifier.classify("mary.stone@hotmail.co.uk", sender: "x@school.example").linkedPupils == ["A123"])
    }

    @Test func staffOwnPersonalAddressIsRecognisedOnlyForThatStaffMember() {
        #expect(classifier.classify("kim.t@yahoo.co.uk", sender: "k.teacher@school.example").isStaffPersonalAddress)
        #expect(!classifier.classify("kim.t@yahoo.co.uk", sender: "other@school.example").isStaffPersonalAddress)
    }

    @Test func lookalikeDomainIsNotASubdomain() {
        #expect(classifier.classify("a@evilschool.example", sender: PolicyFixtures.sender).recipientClass == .external)
    }
}
