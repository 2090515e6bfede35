import ChaperoneModel
@testable import Policy
import Testing

/// The `senders`, `pupils` and `scope` sections: every key read, defaults a DPO would
/// choose, and line-accurate errors.
@Suite struct SenderRoleConfigurationTests {
    @Test func readsEveryKey() throws {
        let yaml = """
        school: {domains: [school.example]}
        senders:
          pupil_domains: [Pupils.School.Example]
          system_senders: [MIS@school.example, "@parentapp.example"]
          no_reply_local_parts: [noreply]
          system_owner: data@school.example
          unlisted_school_senders: pupil
        pupils: {other_pupils_outside: reject, alert_dsl: false, contact: your tutor}
        scope: {inbound: scan}
        """
        let c = try ConfigurationLoader.load(yaml: yaml)
        #expect(c.senders.pupilDomains == ["pupils.school.example"])
        #expect(c.senders.systemSenders == ["mis@school.example", "@parentapp.example"])
        #expect(c.senders.noReplyLocalParts == ["noreply"])
        #expect(c.senders.systemOwner == "data@school.example")
        #expect(c.senders.unlistedSchoolSenders == .pupil)
        #expect(c.pupils.otherPupilsOutside == .reject)
        #expect(!c.pupils.alertDSL)
        #expect(c.pupils.contact == "your tutor")
        #expect(c.scope.inbound == .scan)
    }

    @Test func defaults() throws {
        let c = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}")
        #expect(c.senders.pupilDomains.isEmpty)
        #expect(c.senders.systemOwner == nil)
        #expect(c.senders.unlistedSchoolSenders == .staff)
        #expect(c.senders.noReplyLocalParts.contains("no-reply"))
        #expect(c.pupils.otherPupilsOutside == .quarantine)
        #expect(c.pupils.alertDSL)
        #expect(c.scope.inbound == .skip)
    }

    @Test(arguments: [
        ("senders: {pupil_domains: [kids@school.example]}", 2, "not a domain name"),
        ("senders: {system_senders: [parentapp.example]}", 2, "not an address or @domain"),
        ("senders: {system_owner: the data manager}", 2, "not an email address"),
        ("senders: {unlisted_school_senders: outside}", 2, "use staff or pupil"),
        ("scope: {inbound: drop}", 2, "not one of: skip, scan"),
        ("pupils: {alert_dsl: sometimes}", 2, "expected true or false"),
        ("pupils: {dsl: true}", 2, "unknown key 'dsl'"),
    ])
    func badValuesAreReportedWithTheirLine(_ yaml: String, line: Int, message: String) {
        #expect {
            try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}\n" + yaml, source: "c.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }
}
