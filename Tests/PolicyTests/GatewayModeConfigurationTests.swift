import ChaperoneModel
@testable import Policy
import Testing

/// `mode: gateway` (issue 17): read, defaulted and refused line-accurately; the sender
/// from the envelope alone; an exposure held instead of rewritten.
@Suite struct GatewayModeConfigurationTests {
    @Test func mailServerIsTheDefaultAndGatewayIsRead() throws {
        let plain = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}")
        #expect(plain.mode == .mailServer)
        #expect(!plain.isGateway)
        #expect(plain.gateway.noticeMailbox == nil)
        let yaml = """
        school: {domains: [school.example]}
        mode: gateway
        gateway:
          notice_mailbox: itsupport@school.example
        """
        let gateway = try ConfigurationLoader.load(yaml: yaml)
        #expect(gateway.isGateway)
        #expect(gateway.gateway.noticeMailbox == "itsupport@school.example")
    }

    @Test func gatewayModeHoldsExposuresByDefault() throws {
        let c = try ConfigurationLoader.load(yaml: "mode: gateway\nschool: {domains: [school.example]}")
        #expect(c.exposedRecipients.action == .hold)
        #expect(c.effectiveExposureAction == .hold)
        let tag = try ConfigurationLoader.load(yaml: "mode: gateway\nschool: {domains: [school.example]}\nexposed_recipients: {action: tag}")
        #expect(tag.exposedRecipients.action == .tag)
        // Not in gateway mode, the default stays rewrite.
        #expect(try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}").exposedRecipients.action == .rewrite)
    }

    @Test func anExplicitRewriteIsRefusedInGatewayModeWhereverTheKeysAre() {
        // exposed_recipients comes before mode: the refusal must not depend on key order.
        let yaml = """
        school: {domains: [school.example]}
        exposed_recipients:
          action: rewrite
        mode: gateway
        """
        #expect {
            try ConfigurationLoader.load(yaml: yaml, source: "c.yaml")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.line == 3 && error?.keyPath == "exposed_recipients.action"
                && error?.message.contains("DKIM") == true && error?.message.contains("hold") == true
        }
    }

    @Test func badOrMisplacedNoticeMailboxesAreRefused() {
        for value in ["it office", "<it@school.example>", "it@", "a@b, c@d"] {
            #expect(throws: ConfigurationError.self, "\(value)") {
                try ConfigurationLoader.load(yaml: "mode: gateway\nschool: {domains: [school.example]}\ngateway: {notice_mailbox: \"\(value)\"}")
            }
        }
        #expect {
            try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}\ngateway:\n  notice_mailbox: it@school.example")
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("only with mode: gateway") == true
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(yaml: "mode: relay\nschool: {domains: [school.example]}")
        }
    }

    @Test func theEnvelopeSenderAloneNamesTheSenderInGatewayMode() {
        var gateway = SenderRoleTests.configuration
        gateway.mode = .gateway
        // A login naming a pupil is ignored: there is no SASL in front of a gateway.
        let identity = SenderRoleTests.identify("k.teacher@school.example", auth: "jstone@pupils.school.example", configuration: gateway)
        #expect(identity.role == .staff)
        #expect(identity.basis == .envelopeSender)
        #expect(identity.reason.hasPrefix("gateway mode, the envelope sender the tenant relayed: "))
        #expect(SenderRoleTests.identify("jstone@pupils.school.example", configuration: gateway).role == .pupil)
        let outside = SenderRoleTests.identify("someone@elsewhere.example", auth: "contractor7", configuration: gateway)
        #expect(outside.role == .outside)
        #expect(outside.rules == .staff)
        // The same login on a school's own server still decides.
        #expect(SenderRoleTests.identify("k.teacher@school.example", auth: "jstone@pupils.school.example").role == .pupil)
    }

    @Test func anExposureIsHeldNotRewrittenInGatewayMode() {
        // Built in code with rewrite (the loader would refuse it): the engine still holds.
        let engine = ExposureFixtures.engine {
            $0.mode = .gateway
            $0.exposedRecipients.action = .rewrite
        }
        let parents = Array(ExposureFixtures.parents.prefix(8))
        let decision = engine.decide(envelope: ExposureFixtures.envelope(parents), findings: [], headerAddresses: parents)
        #expect(decision.action == .quarantine)
        #expect(decision.headerRewrite == nil)
        #expect(decision.findings.last?.detail == "applied=hold")
    }
}
