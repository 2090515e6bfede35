import ChaperoneModel
import Foundation
import Logging
import ReviewUI
import Testing

@testable import Store

/// Sender self-service end to end: real Postfix holds three messages of a staff sender
/// (a pupil's name alone to a club, with `pupil_name_outside: quarantine` and the
/// sample's `release`; a UPN to an exam board, `confidentiality: request`; and another to
/// the club), each notice reaches the sink with its link, and the web app (as
/// `chaperone web` builds it: `WebServer.makeApp`) is used in headless Chromium without
/// a sign-in: the sender releases the first with a justification (it arrives once, the
/// audit names the sender and the reason, the DSL alert goes out), requests release of
/// the second (it is marked in the reviewers' queue), cannot use a link twice, for
/// another decision, or after expiry (a one-hour lifetime and the decision's time moved
/// back in the store, not a sleep). In `ReviewWebBrowserTests`, which is serialized and
/// enabled only with Postfix and Chromium, so that one browser runs at a time.
extension ReviewWebBrowserTests {
    @Test func theSenderReleasesRequestsAndCannotReuseALink() async throws {
        try await SelfServiceBrowser.run()
    }
}

/// The steps of the self-service browser test.
enum SelfServiceBrowser {
    static let sender = "t.hargreaves@ralphthoresby.example"
    static let justification = "Coach needs the squad names for Saturday's race entry"

    static func run() async throws {
        let webPort = try FreePort.next()
        let base = "http://127.0.0.1:\(webPort)"
        try await ProductionPath.with(configure: { configuration in
            configuration.web.listen = "127.0.0.1:\(webPort)"
            // The loader asks for https; the browser here reaches the app on loopback.
            configuration.web.publicURL = base
            configuration.actions.pupilNameOutside = .quarantine
            configuration.selfService.tokenHours = 1
            configuration.notifications.alertSections = [.confidentiality]
        }) { path in
            let release = try await Self.hold(path, "04-name-alone-to-club.eml", to: "coach@leedsharriers.example", marker: "SELF-RELEASE-1")
            let request = try await Self.hold(path, "36-upn-in-subject.eml", to: "exams@exam-board.example", marker: "SELF-REQUEST-2")
            let expiring = try await Self.hold(path, "04-name-alone-to-club.eml", to: "coach@leedsharriers.example", marker: "SELF-EXPIRE-3")
            let links = try await Self.links(path, base: base, for: [release, request, expiring])

            let app = try await WebServer.makeApp(configuration: path.configuration, store: path.database)
            let server = Task { try await WebServer.run(app: app, logger: Logger(label: "chaperone.e2e.web"), handlesSignals: false) }
            defer { server.cancel() }
            for _ in 0..<100 where !FreePort.isListening(webPort) { try await Task.sleep(for: .milliseconds(100)) }
            try await WebDriverClient.withBrowser { browser in
                try await Self.selfRelease(browser, link: links[0], id: release, path: path)
                try await Self.selfRequest(browser, link: links[1], id: request, path: path)
                try await Self.refusals(browser, links: links, ids: [release, request, expiring], path: path)
            }
        }
    }

    /// Submits a sample with a marker; returns the decision id of its hold.
    static func hold(_ path: ProductionPath, _ sample: String, to recipient: String, marker: String) async throws -> String {
        // Its own Message-ID, so that a second copy of a sample gets its own notice.
        let text = String(decoding: try ProductionPath.sampleMessage(sample), as: UTF8.self)
            .replacingOccurrences(of: "Message-ID: <", with: "Message-ID: <\(UUID().uuidString)-", options: .caseInsensitive)
        let message = Array(text.utf8) + Array("\r\n\(marker)\r\n".utf8)
        let reply = try await path.submit(message, from: sender, to: [recipient])
        #expect(reply.code == 250, "\(reply.text)")
        let held = try await path.database.decisions(matching: DecisionFilter(state: .held))
        let decision = try #require(held.first, "no hold for \(sample): \(path.postfix.log)")
        #expect(decision.record.report.action == .quarantine)
        return decision.decisionID
    }

    /// Each decision's link, read from the notice the sink received (quoted-printable undone).
    static func links(_ path: ProductionPath, base: String, for ids: [String]) async throws -> [String] {
        var links: [String] = []
        for id in ids {
            let notice = try await path.poll {
                path.delivered(containing: "Auto-Submitted: auto-replied")
                    .map { $0.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=") }
                    .first { $0.contains(id) && $0.contains("/self-service?t=") }
            }
            let text = try #require(notice, "no notice with a link for \(id): \(path.postfix.log)")
            let start = try #require(text.range(of: base + "/self-service?t="))
            let link = String(text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "<" })
            #expect(link.contains(id), "the link names its decision")
            #expect(!link.contains("hargreaves"), "no address in the link")
            links.append(link)
        }
        return links
    }

    static func selfRelease(_ browser: WebDriverClient, link: String, id: String, path: ProductionPath) async throws {
        try await browser.navigate(link)
        #expect(try await browser.currentURL() == link, "the link opens without a sign-in")
        let page = try await browser.source()
        #expect(page.contains("Release it now") && page.contains(id))
        #expect(page.contains("§8 Confidentiality and Security"))
        try FileManager.default.createDirectory(atPath: ReviewWebBrowserTests.screenshotDirectory, withIntermediateDirectories: true)
        try await browser.screenshot(to: ReviewWebBrowserTests.screenshotDirectory + "/self-service.png")
        try await browser.type(justification, into: "#release-justification")
        try await browser.click("#self-release button")
        let done = try await browser.source(containing: "Your message has been released", or: ["Cannot do that"])
        #expect(done.contains("Your message has been released"), "\(done)")

        let delivered = try await path.poll { path.delivered(containing: "SELF-RELEASE-1").first }
        #expect(delivered?.contains("X-Chaperone-Release: \(id)") == true, "the release did not arrive")
        let events = try await path.database.reviewEvents(decisionID: id)
        #expect(events.contains {
            $0.kind == .releasedByReinjection && $0.actor == "\(sender) (sender, self-service)" && $0.reason == justification
        })
        let alert = try await path.poll {
            path.delivered(containing: "released by its sender").first { $0.contains(id) }
        }
        #expect(alert?.contains("dsl@ralphthoresby.example") == true, "no DSL alert of the self-release")
    }

    static func selfRequest(_ browser: WebDriverClient, link: String, id: String, path: ProductionPath) async throws {
        try await browser.navigate(link)
        let page = try await browser.source()
        #expect(!page.contains("Release it now"), "confidentiality allows only a request")
        try await browser.type("The exam board asked for this candidate's special consideration form", into: "#request-justification")
        try await browser.click("#self-request button")
        #expect(try await browser.source(containing: "Your request is with IT", or: ["Cannot do that"]).contains("Your request is with IT"))
        #expect(try await path.database.decision(id: id)?.quarantine?.state == .held)
        var filter = DecisionFilter(state: .held)
        filter.releaseRequestedOnly = true
        #expect(try await path.database.decisions(matching: filter).map(\.decisionID) == [id], "not in the reviewers' requested queue")
    }

    static func refusals(_ browser: WebDriverClient, links: [String], ids: [String], path: ProductionPath) async throws {
        // Twice: both used links now say only that they do not work.
        for link in links.prefix(2) {
            try await browser.navigate(link)
            let page = try await browser.source()
            #expect(page.contains("This link does not work"))
            #expect(!page.contains("Release it now") && !page.contains("Ask for release"))
        }
        // Another decision: the third link's token with the first decision's id.
        try await browser.navigate(links[2].replacingOccurrences(of: ids[2], with: ids[0]))
        #expect(try await browser.source().contains("This link does not work"))
        // The third still works, until its decision is more than token_hours old.
        try await browser.navigate(links[2])
        #expect(try await browser.source().contains("Release it now"))
        try await path.database.pool.write { db in
            try db.execute(sql: "UPDATE decision SET decidedAt = datetime(decidedAt, '-2 hours') WHERE decisionID = ?", arguments: [ids[2]])
        }
        try await browser.navigate(links[2])
        #expect(try await browser.source().contains("This link does not work"))
        #expect(try await path.database.decision(id: ids[2])?.quarantine?.state == .held)

        let refused = try await path.database.reviewEvents(decisionID: ids[2]).filter { $0.kind == .selfServiceRefused }
        #expect(refused.map(\.detail) == ["link refused: expired"])
        #expect(try await path.database.reviewEvents(decisionID: ids[0]).filter { $0.kind == .selfServiceRefused }.map(\.detail)
            == ["link refused: used", "link refused: bad-signature"])
        #expect(path.delivered(containing: "SELF-RELEASE-1").count == 1, "released more than once")
        #expect(path.delivered(containing: "SELF-REQUEST-2").isEmpty && path.delivered(containing: "SELF-EXPIRE-3").isEmpty)
    }
}
