import ChaperoneModel
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
}
