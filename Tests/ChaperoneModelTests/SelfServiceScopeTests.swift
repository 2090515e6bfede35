import ChaperoneModel
import Testing

/// What self-service a held message allows its sender: the least of the rules that held
/// it, never anything for §3 or §4 (whatever the configuration holds), for a rule this
/// version cannot name, for a pupil sender, for a DSL alert, or for mail not held.
@Suite struct SelfServiceScopeTests {
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.actions.pupilNameOutside = .quarantine
        configuration.selfService.rules["pupil_name_outside"] = .release
        configuration.selfService.rules["confidentiality"] = .request
        configuration.selfService.rules["partner_sensitive"] = .release
        // Only the loader refuses these; the scope must refuse them too.
        configuration.selfService.rules["social_contact"] = .release
        configuration.selfService.rules["social_media"] = .release
        return configuration
    }

    static func report(
        _ rules: [String], sections: [Section] = [.confidentiality], action: Action = .quarantine, role: SenderRole = .staff
    ) -> ScanReport {
        ScanReport(
            decisionID: "CH-20261124-SCOPE234", action: action, sections: sections, rules: rules,
            sender: SenderIdentity(role: role, address: "teacher@school.example", basis: .envelopeSender, reason: "test"))
    }

    @Test func theLeastPermissionOfTheHoldingRulesCounts() {
        let configuration = Self.configuration()
        #expect(SelfServiceScope.permission(for: Self.report(["8.pupil-name-outside"]), configuration: configuration) == .release)
        #expect(SelfServiceScope.permission(for: Self.report(["8.sensitive-to-outside"]), configuration: configuration) == .request)
        #expect(SelfServiceScope.permission(for: Self.report(["8.pupil-name-outside", "8.sensitive-to-outside"]), configuration: configuration) == .request)
        #expect(SelfServiceScope.permission(for: Self.report(["8.pupil-name-outside", "7.credentials-outside"]), configuration: configuration) == .none)
        // A rule that only tagged (partner_sensitive: tag by default) does not hold it back.
        #expect(SelfServiceScope.permission(for: Self.report(["8.pupil-name-outside", "8.sensitive-to-partner"]), configuration: configuration) == .release)
    }

    @Test func socialContactAndUnknownRulesNeverAllowAnything() {
        let configuration = Self.configuration()
        #expect(SelfServiceScope.permission(for: Self.report(["3.student-personal-address"], sections: [.socialContact]), configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report(["3.staff-contact-details"], sections: [.socialContact, .socialMedia]), configuration: configuration) == .none)
        // A §8 hold that also breached §4 through another rule.
        #expect(SelfServiceScope.permission(for: Self.report(["8.pupil-name-outside"], sections: [.socialMedia, .confidentiality]), configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report(["9.some-future-rule"]), configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report([]), configuration: configuration) == .none)
        #expect(SelfServiceScope.ruleKey(forRule: "3.student-personal-address") == "social_contact")
        #expect(SelfServiceScope.ruleKey(forRule: "7.2.executable-outside") == "unacceptable_use")
        #expect(SelfServiceScope.ruleKey(forRule: "7.credentials-outside") == "internet_use")
        #expect(SelfServiceScope.ruleKey(forRule: "5.images-to-personal") == "images")
    }

    @Test func onlyAStaffSendersHeldMailWithoutADSLAlertQualifies() {
        let configuration = Self.configuration()
        let rules = ["8.pupil-name-outside"]
        #expect(SelfServiceScope.permission(for: Self.report(rules, role: .pupil), configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report(rules, role: .system), configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report(rules, action: .reject), configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report(rules, action: .tag), configuration: configuration) == .none)
        var restricted = Self.report(["8.restricted-contact"])
        restricted.alertsSafeguardingLead = true
        #expect(SelfServiceScope.permission(for: restricted, configuration: configuration) == .none)
        #expect(SelfServiceScope.permission(for: Self.report(rules), configuration: Configuration()) == .none, "the default allows nothing")
    }
}
