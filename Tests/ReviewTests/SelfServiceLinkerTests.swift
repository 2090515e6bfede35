import ChaperoneModel
import Foundation
import Review
import Store
import Testing

/// The link a held sender's notice carries: `web.public_url` + `/self-service?t=` + a
/// token the store's key verifies for that decision and sender, valid for
/// `self_service.token_hours`; no link without a public URL, when nothing is allowed,
/// or for a §3 hold.
@Suite struct SelfServiceLinkerTests {
    static let signer = SelfServiceSigner(key: Array(repeating: 3, count: SelfServiceSigner.keyBytes))
    static let decidedAt = Date(timeIntervalSince1970: 1_795_000_000)
    static let envelope = Envelope(sender: "teacher@hollowbrook.example", recipients: ["bookings@coaches.example"])

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.web.publicURL = "https://chaperone.hollowbrook.example"
        configuration.actions.pupilNameOutside = .quarantine
        configuration.selfService.rules["pupil_name_outside"] = .release
        configuration.selfService.tokenHours = 48
        return configuration
    }

    static func report(_ rule: String, sections: [Section] = [.confidentiality]) -> ScanReport {
        ScanReport(decisionID: "CH-20261124-LINKTEST", action: .quarantine, sections: sections, rules: [rule])
    }

    @Test func theLinkCarriesATokenTheStoreKeyVerifies() throws {
        let linker = SelfServiceLinker(signer: Self.signer)
        let link = try #require(linker.link(
            for: Self.report("8.pupil-name-outside"), envelope: Self.envelope, decidedAt: Self.decidedAt, configuration: Self.configuration()))
        #expect(link.permission == .release)
        #expect(link.expiresAt == Self.decidedAt.addingTimeInterval(48 * 3600))
        let prefix = "https://chaperone.hollowbrook.example/self-service?t="
        #expect(link.url.hasPrefix(prefix))
        let token = try #require(SelfServiceToken(text: String(link.url.dropFirst(prefix.count))))
        #expect(token.decisionID == "CH-20261124-LINKTEST")
        #expect(Self.signer.refusal(of: token, sender: Self.envelope.sender, now: Self.decidedAt) == nil)
        #expect(!link.url.contains("teacher"), "no address in the URL")
    }

    @Test func noLinkWithoutAPublicURLOrPermission() {
        let linker = SelfServiceLinker(signer: Self.signer)
        var noURL = Self.configuration()
        noURL.web.publicURL = nil
        #expect(linker.link(for: Self.report("8.pupil-name-outside"), envelope: Self.envelope, decidedAt: Self.decidedAt, configuration: noURL) == nil)
        #expect(linker.link(for: Self.report("8.sensitive-to-outside"), envelope: Self.envelope, decidedAt: Self.decidedAt, configuration: Self.configuration()) == nil)
        var social = Self.configuration()
        social.selfService.rules["social_contact"] = .release
        #expect(linker.link(
            for: Self.report("3.student-personal-address", sections: [.socialContact]), envelope: Self.envelope, decidedAt: Self.decidedAt,
            configuration: social) == nil)
        #expect(linker.link(
            for: Self.report("8.pupil-name-outside"), envelope: Envelope(sender: "", recipients: ["x@y.example"]), decidedAt: Self.decidedAt,
            configuration: Self.configuration()) == nil)
    }
}
