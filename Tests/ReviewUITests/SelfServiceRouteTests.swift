import ChaperoneModel
import Foundation
import HTTPTypes
import Notify
import ReviewUI
import Store
import Testing

/// The sender's self-service page through the app's router (HummingbirdTesting `.router`,
/// the same `WebServer.application` as `chaperone web`): no sign-in, a signed link per
/// decision; release where every holding rule allows it (through the ReviewWorkflow, once,
/// alerted), request where only requests are allowed (marked in the reviewers' list),
/// withdraw; a used, expired, tampered or other-decision link gets one page and an audit
/// event; the form needs its CSRF cookie; too many bad links from one address are refused.
@Suite struct SelfServiceRouteTests {
    static let sender = "teacher@hollowbrook.example"
    static let releasable = "CH-20261124-SELFREL2"
    static let requestOnly = "CH-20261124-SELFREQ3"
    static let socialContact = "CH-20261124-SELFSOC4"

    static func configure(_ configuration: inout Configuration) {
        configuration.web.publicURL = "https://chaperone.hollowbrook.example"
        configuration.actions.pupilNameOutside = .quarantine
        configuration.selfService.rules = ["pupil_name_outside": .release, "confidentiality": .request]
        // Set past the loader, which refuses it: the model still never allows §3.
        configuration.selfService.rules["social_contact"] = .release
        configuration.notifications.alertSections = [.confidentiality]
        configuration.notifications.alertRecipients = ["dsl@hollowbrook.example"]
        configuration.web.addressFailureLimit = 12
    }

    /// A fixture with three held messages: a pupil's name to an outside organisation
    /// (release allowed), sensitive data outside (request only), and a §3 hold.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture(configure: configure)
        try await hold(fixture, id: releasable, rule: "8.pupil-name-outside", section: .confidentiality)
        try await hold(fixture, id: requestOnly, rule: "8.sensitive-to-outside", section: .confidentiality)
        try await hold(fixture, id: socialContact, rule: "3.student-personal-address", section: .socialContact)
        return fixture
    }

    static func hold(_ fixture: WebFixture, id: String, rule: String, section: Section) async throws {
        let finding = Finding(
            detector: .pupilName, location: .body("1"), evidence: "E… W…(redacted)", confidence: 0.9, sections: [section])
        let report = ScanReport(
            decisionID: id, action: .quarantine, sections: [section], rules: [rule], findings: [finding],
            recipients: [Recipient(address: "bookings@coaches.example", recipientClass: .external)],
            explanation: "It names students to an outside organisation.",
            sender: SenderIdentity(role: .staff, address: sender, basis: .envelopeSender, reason: "staff domain"))
        let envelope = Envelope(sender: sender, recipients: ["bookings@coaches.example"], queueID: "4SELF")
        try await fixture.recorder.recordQuarantine(
            DecisionRecord(report: report, envelope: envelope, decidedAt: fixture.clock.now(), configVersion: "cfg"),
            rawMessage: WebFixture.raw + Array("\(id)\r\n".utf8))
    }

    /// The link's path and query, as the notice's link has them.
    static func link(_ fixture: WebFixture, _ id: String, sender: String = sender, hours: Double = 72) async throws -> String {
        let signer = SelfServiceSigner(key: try await fixture.database.selfServiceKey())
        let token = signer.token(decisionID: id, sender: sender, expiresAt: fixture.clock.now().addingTimeInterval(hours * 3600))
        return "/self-service?t=" + token.text
    }

    static func token(of link: String) -> String { String(link.dropFirst("/self-service?t=".count)) }

    /// Opens the page and sends its form with `action`.
    static func send(
        _ client: WebClient, link: String, action: String, justification: String? = "The coach firm needs the names for the trip insurance"
    ) async throws -> (page: WebResponse, result: WebResponse) {
        let page = try await client.get(link)
        let cookie = try #require(page.cookie(SelfServiceDesk.formCookie), "page \(page.status): \(page.body.prefix(300))")
        let csrf = try #require(page.csrfToken)
        var form = [("csrf", csrf), ("t", token(of: link)), ("action", action)]
        if let justification { form.append(("justification", justification)) }
        let result = try await client.post("/self-service", cookie: "\(SelfServiceDesk.formCookie)=\(cookie)", form: form)
        return (page, result)
    }

    @Test func theSenderReleasesWithAJustificationOnceAndTheDSLIsAlerted() async throws {
        let fixture = try await Self.fixture()
        defer { fixture.remove() }
        let link = try await Self.link(fixture, Self.releasable)
        try await fixture.test { client in
            let (page, result) = try await Self.send(client, link: link, action: "release")
            #expect(page.status == .ok)
            #expect(page.body.contains("Release it now") && page.body.contains("Ask for release") && page.body.contains("Withdraw my message"))
            #expect(page.body.contains("E… W…(redacted)"), "the findings, redacted as on the reviewers' page")
            #expect(page.body.contains("§8 Confidentiality and Security"))
            #expect(!page.body.contains("Year 9 marks"), "never the message itself")
            #expect(page.headers[.contentSecurityPolicy] == "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(result.status == .ok)
            #expect(result.body.contains("released"))
            #expect(try await fixture.state(of: Self.releasable) == .released)
            #expect(await fixture.submitter.messages.count == 1)
            #expect(await fixture.submitter.messages.first?.recipients == ["bookings@coaches.example"])
            let events = try await fixture.database.reviewEvents(decisionID: Self.releasable)
            let release = try #require(events.first { $0.kind == .releasedByReinjection })
            #expect(release.actor == "\(Self.sender) (sender, self-service)")
            #expect(release.reason == "The coach firm needs the names for the trip insurance")
            let alert = try #require(await fixture.alerts.messages.first)
            #expect(alert.recipients == ["dsl@hollowbrook.example"])
            let alertText = String(decoding: alert.data, as: UTF8.self)
            #expect(alertText.contains("released by its sender"))

            // The link is spent: a second use is refused, nothing more is sent, and it is audited.
            let again = try await client.get(link)
            #expect(again.status == .forbidden)
            #expect(again.body.contains("This link does not work"))
            #expect(await fixture.submitter.messages.count == 1)
            #expect(try await fixture.database.reviewEvents(decisionID: Self.releasable).contains {
                $0.kind == .selfServiceRefused && $0.detail == "link refused: used"
            })
        }
    }

    @Test func whereOnlyARequestIsAllowedItGoesToTheReviewersQueue() async throws {
        let fixture = try await Self.fixture()
        defer { fixture.remove() }
        let link = try await Self.link(fixture, Self.requestOnly)
        try await fixture.test { client in
            let page = try await client.get(link)
            #expect(page.status == .ok)
            #expect(!page.body.contains("Release it now"))
            // A forged release form is refused and spends nothing.
            let cookie = try #require(page.cookie(SelfServiceDesk.formCookie))
            let forged = try await client.post(
                "/self-service", cookie: "\(SelfServiceDesk.formCookie)=\(cookie)",
                form: [("csrf", try #require(page.csrfToken)), ("t", Self.token(of: link)), ("action", "release"), ("justification", "x")])
            #expect(forged.status == .forbidden)
            #expect(try await fixture.state(of: Self.requestOnly) == .held)
            #expect(try await fixture.database.selfServiceAction(decisionID: Self.requestOnly) == nil)

            let (_, result) = try await Self.send(client, link: link, action: "request")
            #expect(result.status == .ok)
            #expect(result.body.contains("Your request is with IT"))
            #expect(try await fixture.state(of: Self.requestOnly) == .held)
            #expect(await fixture.submitter.messages.isEmpty)

            let reviewer = try #require(try await client.signIn("rita").cookie)
            let queue = try await client.get("/quarantine", cookie: reviewer)
            #expect(queue.body.contains("\(Self.requestOnly)</a> <span class=\"requested\">release requested by sender</span>"))
            #expect(!queue.body.contains("\(Self.releasable)</a> <span class=\"requested\">"))
            let requested = try await client.get("/quarantine?requested=1", cookie: reviewer)
            #expect(requested.body.contains(Self.requestOnly))
            #expect(!requested.body.contains(Self.releasable) && !requested.body.contains(WebFixture.heldID))
            let decision = try await client.get("/decisions/\(Self.requestOnly)", cookie: reviewer)
            #expect(decision.body.contains("The sender asked for release"))
            #expect(decision.body.contains("The coach firm needs the names for the trip insurance"))
            #expect(decision.body.contains("release-requested"))
        }
    }

    @Test func withdrawDeletesTheStoredCopyAsAReviewerDeleteWould() async throws {
        let fixture = try await Self.fixture()
        defer { fixture.remove() }
        let link = try await Self.link(fixture, Self.requestOnly)
        try await fixture.test { client in
            let (_, result) = try await Self.send(client, link: link, action: "withdraw", justification: nil)
            #expect(result.status == .ok)
            #expect(result.body.contains("withdrawn"))
            let quarantine = try await fixture.database.decision(id: Self.requestOnly)?.quarantine
            #expect(quarantine?.state == .deleted && quarantine?.hasStoredCopy == false)
            #expect(await fixture.submitter.messages.isEmpty)
            let deleted = try #require(try await fixture.database.reviewEvents(decisionID: Self.requestOnly).first { $0.kind == .deleted })
            #expect(deleted.actor == "\(Self.sender) (sender, self-service)")
        }
    }

    @Test func tamperedExpiredAndOtherDecisionLinksGetOnePageAndAreAudited() async throws {
        let fixture = try await Self.fixture()
        defer { fixture.remove() }
        let good = try await Self.link(fixture, Self.releasable)
        var flipped = Array(good)
        flipped[flipped.count - 5] = flipped[flipped.count - 5] == "A" ? "B" : "A"
        let otherDecision = good.replacingOccurrences(of: Self.releasable, with: Self.requestOnly)
        let otherSender = try await Self.link(fixture, Self.releasable, sender: "head@hollowbrook.example")
        let social = try await Self.link(fixture, Self.socialContact)
        let unknown = try await Self.link(fixture, "CH-20261124-NOSUCHID")
        let bad = [String(flipped), otherDecision, otherSender, social, unknown, "/self-service?t=junk", "/self-service"]
        try await fixture.test { client in
            for link in bad {
                let response = try await client.get(link)
                #expect(response.status == .forbidden, "\(link)")
                #expect(response.body.contains(SelfServiceRoutesText.refusal), "\(link)")
                #expect(!response.body.contains("redacted"), "\(link): nothing of the decision is shown")
            }
            let events = try await fixture.database.reviewEvents(decisionID: Self.releasable)
            #expect(events.filter { $0.kind == .selfServiceRefused && $0.detail == "link refused: bad-signature" }.count == 2)
            #expect(try await fixture.database.reviewEvents(decisionID: Self.requestOnly).contains { $0.detail == "link refused: bad-signature" })
            #expect(try await fixture.database.reviewEvents(decisionID: Self.socialContact).contains { $0.detail == "link refused: not-allowed" })
            #expect(try await fixture.database.storeWideEvents(limit: 20).filter { $0.kind == .selfServiceRefused }.count == 3)

            // Past the configured lifetime the link is refused, even one signed to last longer.
            let longLived = try await Self.link(fixture, Self.releasable, hours: 1_000)
            fixture.clock.advance(72 * 3600 + 1)
            #expect(try await client.get(good).status == .forbidden)
            #expect(try await client.get(longLived).status == .forbidden)
            #expect(try await fixture.database.reviewEvents(decisionID: Self.releasable).filter { $0.detail == "link refused: expired" }.count == 2)
            #expect(try await fixture.state(of: Self.releasable) == .held)
            #expect(await fixture.submitter.messages.isEmpty)
        }
    }

    @Test func theFormNeedsItsCookieAJustificationWithinTheLimitAndBadLinksAreRateLimited() async throws {
        let fixture = try await Self.fixture()
        defer { fixture.remove() }
        let link = try await Self.link(fixture, Self.releasable)
        try await fixture.test { client in
            let page = try await client.get(link)
            let csrf = try #require(page.csrfToken)
            let cookie = try #require(page.cookie(SelfServiceDesk.formCookie))
            let form = [("csrf", csrf), ("t", Self.token(of: link)), ("action", "release"), ("justification", "needed")]
            for sentCookie in [nil, "\(SelfServiceDesk.formCookie)=\(String(repeating: "0", count: cookie.count))"] {
                let response = try await client.post("/self-service", cookie: sentCookie, form: form)
                #expect(response.status == .forbidden)
                #expect(response.body.contains("security token does not match"))
            }
            let withCookie = "\(SelfServiceDesk.formCookie)=\(cookie)"
            let blank = try await client.post("/self-service", cookie: withCookie, form: Array(form.dropLast()) + [("justification", "  ")])
            #expect(blank.status == .badRequest)
            let long = try await client.post(
                "/self-service", cookie: withCookie, form: Array(form.dropLast()) + [("justification", String(repeating: "a", count: 2_001))])
            #expect(long.status == .badRequest)
            #expect(long.body.contains("self_service.max_justification_characters"))
            #expect(try await fixture.state(of: Self.releasable) == .held)
            #expect(try await fixture.database.selfServiceAction(decisionID: Self.releasable) == nil)

            // Twelve links that do not work from one address, then even a good one waits.
            for _ in 0..<12 { #expect(try await client.get("/self-service?t=junk").status == .forbidden) }
            let blocked = try await client.get(link)
            #expect(blocked.status == .tooManyRequests)
            #expect(try await fixture.state(of: Self.releasable) == .held)
        }
    }
}

/// The refusal page's words, as the tests look for them.
enum SelfServiceRoutesText {
    static let refusal = "This link does not work"
}
