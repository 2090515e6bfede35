import ChaperoneModel
import Testing
@testable import ScanPipeline

/// The bare-login rule of `SchoolSelector` on its own: a login with no "@" is a school's
/// when it is the local part of that school's accounts and of no other school's.
@Suite struct SchoolSelectorLoginTests {
    static func member(_ id: String, staff: [String]) -> SchoolSelector.Member {
        SchoolSelector.Member(id: id, domains: ["\(id).example"],
                              roster: Roster(staff: staff.map { StaffMember(email: $0, name: "Staff Member") }))
    }

    static let selector = SchoolSelector(members: [
        member("oak", staff: ["j.ahmed@oak.example", "office@oak.example"]),
        member("elm", staff: ["T.Lowe@elm.example", "office@elm.example"]),
        member("ash", staff: ["office@ash.example"]),
    ], unknownSchool: .fail, isGateway: false)

    static func school(login: String, sender: String = "someone@elsewhere.example") -> Int? {
        selector.choose(Envelope(sender: sender, recipients: ["x@example.org"], authenticatedUser: login)).school
    }

    @Test func aLocalPartOfOneSchoolOnlyChoosesThatSchool() {
        #expect(Self.school(login: "j.ahmed") == 0)
        #expect(Self.school(login: "T.LOWE") == 1, "addresses and logins are compared lower-cased")
    }

    @Test func aLocalPartSharedBySchoolsChoosesNoneByLogin() {
        #expect(Self.school(login: "office") == nil, "three schools have office@")
        #expect(Self.school(login: "office", sender: "office@ash.example") == 2, "the sender's own local part decides")
    }

    @Test func aLaterSchoolWinsAnAddressTwoSchoolsList() {
        let shared = SchoolSelector(members: [Self.member("oak", staff: ["head@trust.example"]), Self.member("elm", staff: ["head@trust.example"])],
                                    unknownSchool: .fail, isGateway: false)
        #expect(shared.choose(Envelope(sender: "head@trust.example", recipients: ["x@example.org"])).school == 1)
    }
}
