import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// The wrong-parent mistake with the sample roster's two unrelated Rahman families: Ali
/// (mother Claire, claire.rahman37@outlook.com) and Alice (father Steven,
/// steven.rahman46@sky.com). A letter to a parent names the child by forename alone, so
/// "Alice" written to Ali's mother is Alice Rahman's data going to the wrong family.
@Suite struct WrongParentTests {
    static let aliMother = "claire.rahman37@outlook.com"
    static let aliceFather = "steven.rahman46@sky.com"

    private func scan(to recipients: [String], subject: String, body: String,
                      from sender: String = "s.whitfield@ralphthoresby.example") throws -> ScanReport {
        let (_, _, pipeline) = try SampleRuntime.load()
        let message = """
        From: \(sender)\r
        To: \(recipients.joined(separator: ", "))\r
        Subject: \(subject)\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r

        """
        return pipeline.scan(message: Array(message.utf8), sender: sender, recipients: recipients)
    }

    static let seizure = "Dear Mrs Rahman,\n\nFollowing Alice's seizure in PE today, the school nurse has updated her care plan.\n\nSarah Whitfield"

    private func summary(_ report: ScanReport) -> String {
        "\(report.action) \(report.findings.map { "\($0.detector.rawValue):\($0.evidence)" })"
    }

    @Test func anotherFamilysChildByForenameToTheWrongParentIsHeld() throws {
        let report = try scan(to: [Self.aliMother], subject: "Alice", body: Self.seizure)
        #expect(report.action == .quarantine, "\(summary(report))")
        #expect(report.sections.contains(.confidentiality))
        #expect(report.findings.contains { $0.detector == .pupilName && $0.pupil != nil })
    }

    @Test func theSameLetterToThatChildsOwnParentGoesOut() throws {
        let report = try scan(to: [Self.aliceFather], subject: "Alice", body: Self.seizure)
        #expect(report.action == .accept, "\(summary(report))")
    }

    @Test func aLetterAboutTheParentsOwnChildGoesOut() throws {
        let body = "Dear Mrs Rahman,\n\nAli's allergy plan is updated and the nurse has his auto-injector. Alice from his form helped him to the office.\n\nSarah"
        let report = try scan(to: [Self.aliMother], subject: "Ali's allergy plan", body: body)
        #expect(report.action == .accept, "\(summary(report))")
    }

    @Test func aForenameInMailToManyFamiliesIsNoReference() throws {
        let report = try scan(to: [Self.aliMother, "joanne.varley92@gmail.com", "helen.okonkwo6@talktalk.net"], subject: "Trip",
                              body: "Dear parents,\n\nPlease tell us about any medical needs before the trip. Alice in Wonderland rehearsals are on Thursday.")
        #expect(!report.findings.contains { $0.detector == .pupilName }, "\(summary(report))")
        #expect(report.action == .accept)
    }

    @Test func aForenameToSomeoneWhoIsNoParentIsNoReference() throws {
        let report = try scan(to: ["bookings@swimclub.example"], subject: "Alice", body: Self.seizure)
        #expect(!report.findings.contains { $0.detector == .pupilName }, "\(summary(report))")
    }

    @Test func aTermBesideTheParentsOwnChildIsNotTiedToANamesakeFurtherAway() throws {
        // Sienna Varley's mother; Niamh Varley is another family's child.
        let body = "Dear Mrs Varley,\n\nSienna and Niamh were both brilliant in the netball final; Sienna's asthma was no trouble at all.\n\nSarah"
        let report = try scan(to: ["joanne.varley92@gmail.com"], subject: "Netball final", body: body)
        #expect(report.action == .accept, "\(summary(report))")
    }
}
