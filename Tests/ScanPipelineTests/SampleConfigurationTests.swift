import ChaperoneModel
import Foundation
@testable import Policy
import ScanPipeline
import Testing

@Suite struct SampleConfigurationTests {
    @Test func sampleConfigurationLoadsWithItsRoster() throws {
        let (configuration, roster, _) = try SampleRuntime.load()
        #expect(configuration.school.name == "Ralph Thoresby School")
        #expect(!roster.isFatal)
        #expect(roster.roster.students.count >= 40)
        #expect(!roster.roster.contacts.isEmpty)
        #expect(!roster.roster.staff.isEmpty)
    }

    @Test func sampleConfigurationWritesOutEveryKey() throws {
        let text = String(decoding: try SamplePaths.bytes(SamplePaths.configuration), as: UTF8.self)
        let keys = ConfigurationLoader.topLevelKeys + ConfigurationLoader.actionKeys.map(\.0)
            + ConfigurationLoader.limitKeys.map(\.0) + ConfigurationLoader.expansionKeys
            + ConfigurationLoader.exposedRecipientsKeys + ConfigurationLoader.gatewayKeys
            + ConfigurationLoader.imagesKeys + ConfigurationLoader.unknownConsentKeys + ["consent_columns"]
            + ["name", "domains", "partner_domains", "extra_webmail_domains", "official_social_accounts", "it_contact", "safeguarding_lead",
               "files", "staff_file", "bulk_pupils", "proximity_window", "minimum_confidence",
               "header", "subject_prefix", "trace_header", "scan_deadline_seconds",
               "listen", "fail_action", "progress_interval_seconds", "spool_directory", "idle_timeout_seconds",
               "max_connections", "database", "quarantine_retention_days", "decision_retention_days",
               "group_commit_max_rows", "max_pending_rows", "duplicate_window_hours", "url", "password_file", "host_id", "timeout_seconds", "reinject_listener",
               "enabled", "from_address", "submit_listener", "alert_recipients", "alert_sections",
               "public_url", "token_hours", "max_justification_characters", "rules"]
        for key in keys {
            #expect(text.contains("\(key):"), "samples/chaperone.yaml does not spell out \(key)")
        }
    }

    @Test func trustSampleNamesEveryKeyASchoolMaySet() throws {
        let text = String(decoding: try SamplePaths.bytes(TrustRuntime.configurationURL), as: UTF8.self)
        for key in ConfigurationLoader.schoolEntryKeys {
            #expect(text.contains(key), "samples/trust.yaml does not name the school key \(key)")
        }
        #expect(text.contains("unknown_school:"))
    }
}

/// No scan output carries a pupil's raw identifiers, full name or date of birth.
@Suite struct ScanPrivacyTests {
    @Test func reportsOfEverySampleHoldNoRawPupilData() throws {
        let (_, rosterResult, pipeline) = try SampleRuntime.load()
        let expander = try SampleRuntime.expander()
        let files = try FileManager.default.contentsOfDirectory(atPath: SamplePaths.messages.path).filter { $0.hasSuffix(".eml") }
        var secrets: [String] = []
        for student in rosterResult.roster.students {
            secrets += [student.upn, student.uln].compactMap { $0 }
            secrets.append("\(student.legalForename) \(student.surname)")
            if let dob = student.dateOfBirth { secrets.append(dob.description) }
        }
        for file in files {
            let bytes = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent(file))
            let report = try SampleRuntime.scan(bytes, pipeline: pipeline, expander: expander)
            let json = ScanReportJSON(file: file, report: report)
            let printed = json.findings.map { "\($0.evidence) \($0.pupil ?? "") \($0.detail ?? "")" }.joined(separator: " ")
                + json.explanation
            for secret in secrets where printed.localizedCaseInsensitiveContains(secret) {
                Issue.record("\(file): scan output contains raw pupil data")
            }
        }
    }
}
