import ChaperoneModel
@testable import Policy
import Testing

/// The `self_service:` section and `web.public_url`: every rule key of `actions:`, the
/// defaults (`none` everywhere, no link), and §3 and §4 refused anything but `none` with
/// the reason and the fix, on the one path `check-config` and `serve` share.
@Suite struct SelfServiceConfigurationTests {
    @Test func readsTheSectionAndThePublicURL() throws {
        let yaml = """
        school: {domains: [school.example]}
        web: {public_url: "https://chaperone.school.example/"}
        self_service:
          token_hours: 24
          max_justification_characters: 500
          rules: {pupil_name_outside: release, confidentiality: request, social_contact: none, social_media: none}
        """
        let configuration = try ConfigurationLoader.load(yaml: yaml, source: "c.yaml")
        #expect(configuration.web.publicURL == "https://chaperone.school.example", "the trailing slash is dropped")
        let selfService = configuration.selfService
        #expect(selfService.tokenHours == 24 && selfService.maxJustificationCharacters == 500)
        #expect(selfService.permission(forRuleKey: "pupil_name_outside") == .release)
        #expect(selfService.permission(forRuleKey: "confidentiality") == .request)
        #expect(selfService.permission(forRuleKey: "partner_sensitive") == .none)
        #expect(Set(selfService.rules.keys) == Set(ConfigurationLoader.actionKeys.map(\.0)))
    }

    @Test func defaultsAllowNothingAndMakeNoLink() throws {
        let configuration = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}")
        #expect(configuration.web.publicURL == nil)
        #expect(configuration.selfService.tokenHours == 72)
        #expect(configuration.selfService.rules.values.allSatisfy { $0 == .none })
        #expect(Configuration.SelfService.ruleKeys == ConfigurationLoader.actionKeys.map(\.0), "one list of rule names")
    }

    @Test(arguments: ["social_contact", "social_media"], [SelfServicePermission.request, .release])
    func socialContactIsNeverSelfServed(_ key: String, _ permission: SelfServicePermission) throws {
        let yaml = """
        school: {domains: [school.example]}
        self_service:
          rules:
            \(key): \(permission.rawValue)
        """
        do {
            _ = try ConfigurationLoader.load(yaml: yaml, source: "c.yaml")
            Issue.record("\(key): \(permission.rawValue) was accepted")
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("never self-releasable"))
            #expect(error.message.contains("set \(key): none"))
        }
    }

    @Test(arguments: [
        "self_service: {rules: {pupil_name_outside: yes}}", "self_service: {rules: {pupils: release}}",
        "self_service: {token_hours: 0}", "self_service: {token_hours: 10000}", "self_service: {lifetime: 3}",
        "self_service: {max_justification_characters: 5}", "self_service: {max_justification_characters: 6000}",
        "web: {public_url: http://chaperone.school.example}", "web: {public_url: \"https://\"}",
        "web: {public_url: \"https://chaperone.school.example/?next=x\"}", "web: {public_url: \"https://user@host.example\"}",
    ])
    func badValuesAreRefusedWithTheirLine(_ line: String) throws {
        do {
            _ = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}\n" + line, source: "c.yaml")
            Issue.record("accepted: \(line)")
        } catch {
            #expect(error.line == 2, "\(line): \(error)")
        }
    }
}
