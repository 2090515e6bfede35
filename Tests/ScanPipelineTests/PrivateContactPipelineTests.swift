import ChaperoneModel
import ScanPipeline
import Testing

/// §3: staff asking a pupil for secrecy or a private meeting is held, from the sample
/// school's real configuration; a pupil writing the same words is not judged as staff
/// conduct, and staff writing them to a colleague or a parent are not §3.
@Suite struct PrivateContactPipelineTests {
    static let teacher = "h.marsh@ralphthoresby.example"
    static let pupil = "arahman91@pupils.ralphthoresby.example"

    private func scan(from sender: String, to recipient: String, body: String) throws -> ScanReport {
        let (_, _, pipeline) = try SampleRuntime.load()
        let message = "From: \(sender)\r\nTo: \(recipient)\r\nSubject: catch up\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
        return pipeline.scan(message: Array(message.utf8), sender: sender, recipients: [recipient])
    }

    static let secrecy = "Ali, fancy meeting up in town at the weekend? Don't tell your mum, just between us x"

    @Test func staffAskingAPupilForSecrecyIsHeldUnderSection3() throws {
        let report = try scan(from: Self.teacher, to: Self.pupil, body: Self.secrecy)
        #expect(report.action == .quarantine)
        #expect(report.sections.contains(.socialContact))
        #expect(report.rules.contains("3.secret-or-private-contact"))
        #expect(report.findings.contains { $0.detector == .privateContact && !$0.evidence.contains("mum") })
    }

    @Test func ordinaryMailFromStaffToAPupilGoesOut() throws {
        let body = "Hi Ali, come and see me at break in room 14 about your coursework. Please tell your mum about the trip letter, and never tell anyone your password."
        let report = try scan(from: Self.teacher, to: Self.pupil, body: body)
        #expect(report.action == .accept, "\(report.findings.map(\.evidence))")
    }

    @Test func aPupilWritingTheSameWordsIsNotJudgedAsStaff() throws {
        let report = try scan(from: Self.pupil, to: "zokaforbrennan46@pupils.ralphthoresby.example",
                              body: "don't tell your mum but I'm getting you a present, keep it between us")
        #expect(!report.rules.contains("3.secret-or-private-contact"))
        #expect(report.action == .accept)
    }

    @Test func theWordsToAColleagueOrAParentAreNotSection3() throws {
        let colleague = try scan(from: Self.teacher, to: "a.pickles@ralphthoresby.example",
                                 body: "Keep this between you and me: the inspection is next week.")
        #expect(colleague.findings.contains { $0.detector == .privateContact })
        #expect(colleague.action == .accept)
        let parent = try scan(from: Self.teacher, to: "claire.rahman37@outlook.com",
                              body: "Please don't tell anyone yet, but Ali has won the Year 10 award!")
        // The words are found, but to a parent they are no §3 request.
        #expect(parent.findings.contains { $0.detector == .privateContact })
        #expect(parent.action == .accept)
    }
}

extension PrivateContactPipelineTests {
    @Test func anInvitationToConnectOnSocialMediaIsHeldUnderSections3And4() throws {
        let report = try scan(from: Self.teacher, to: Self.pupil, body: "Great game Ali! Add me on Snapchat and I'll send you the videos.")
        #expect(report.action == .quarantine)
        #expect(report.sections == [.socialContact, .socialMedia])
    }

    @Test func theSchoolsOwnAccountAndTeamsAreNoInvitation() throws {
        let report = try scan(from: Self.teacher, to: Self.pupil,
                              body: "Great game Ali! Follow us on Instagram for the photos, and message me on Teams about Thursday.")
        #expect(report.action == .accept, "\(report.findings.map(\.evidence))")
    }
}
