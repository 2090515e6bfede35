import ChaperoneModel
import Foundation
import Notify
import Testing

/// Pupil data sent to a restricted contact alerts the alert recipients under §8
/// whatever `notifications.alert_sections` says.
@Suite struct SafeguardingAlertTests {
    @Test func aRestrictedContactReportAlertsWhateverTheAlertSections() {
        var configuration = Configuration()
        configuration.notifications.alertRecipients = ["dsl@school.example"]
        configuration.notifications.alertSections = [.socialContact]
        let composer = AlertComposer(configuration: configuration)
        let restricted = ScanReport(action: .quarantine, sections: [.confidentiality], alertsSafeguardingLead: true)
        let ordinary = ScanReport(action: .quarantine, sections: [.confidentiality])
        #expect(composer.alertSections(in: restricted) == [.confidentiality])
        #expect(composer.alertSections(in: ordinary).isEmpty)
        configuration.notifications.alertRecipients = []
        #expect(AlertComposer(configuration: configuration).alertSections(in: restricted).isEmpty)
    }

    @Test func aTagUnderAnAlertSectionAlertsAndSaysNothingWasBreached() throws {
        var configuration = Configuration()
        configuration.notifications.alertRecipients = ["dsl@school.example"]
        configuration.notifications.alertSections = [.socialContact]
        let composer = AlertComposer(configuration: configuration)
        let tagged = ScanReport(action: .tag, rules: ["3.staff-contact-details"], governingSections: [.socialContact])
        #expect(tagged.sections.isEmpty)
        #expect(composer.alertSections(in: tagged) == [.socialContact])
        let document = composer.compose(
            report: tagged, envelope: Envelope(sender: "t@school.example", recipients: ["p@pupils.school.example"]),
            decidedAt: Date(timeIntervalSince1970: 1_795_000_000), sections: [.socialContact])
        #expect(document.blocks.contains(.heading("Sections governing the rules that acted (delivered, no breach)")))
        let held = ScanReport(action: .quarantine, sections: [.socialContact], rules: ["3.staff-contact-details"])
        let heldDocument = composer.compose(
            report: held, envelope: Envelope(sender: "t@school.example", recipients: ["p@pupils.school.example"]),
            decidedAt: Date(timeIntervalSince1970: 1_795_000_000), sections: [.socialContact])
        #expect(heldDocument.blocks.contains(.heading("Sections breached")))
    }
}
