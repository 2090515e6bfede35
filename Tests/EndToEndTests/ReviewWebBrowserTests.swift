import ChaperoneModel
import Foundation
import Hummingbird
import Logging
import ReviewUI
import Store
import Testing

/// The review web app in a real browser (Debian's headless Chromium through
/// chromedriver, over WebDriver) against a message a real Postfix run quarantined:
/// sign in, find it on the quarantine page, open it, release it with a reason; the
/// sink receives it exactly once and the audit trail names the account. Screenshots
/// of the quarantine, decision and dashboard pages are saved under
/// `.build/browser-screenshots/`.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does"),
    .enabled(
        if: WebDriverClient.isInstalled,
        "Chromium or chromedriver is missing (/usr/bin/chromium, /usr/bin/chromedriver): `apt-get install chromium chromium-driver`, as .ci/run does")
)
struct ReviewWebBrowserTests {
    static let password = "browser test passphrase"

    static var screenshotDirectory: String {
        ProductionPath.repository.appendingPathComponent(".build/browser-screenshots").path
    }

    @Test func aReviewerSignsInOpensAHeldMessageAndReleasesItOnce() async throws {
        try FileManager.default.createDirectory(atPath: Self.screenshotDirectory, withIntermediateDirectories: true)
        try await ProductionPath.with { path in
            let decision = try await QuarantineReleaseTests.heldMessage(path, marker: "BROWSER-RELEASE-7")
            let id = decision.decisionID
            let hasher = PasswordHasher(cost: 4)
            try await path.database.addWebUser(
                WebUser(name: "it.tech", role: .reviewer, passwordHash: try await hasher.hash(Self.password), createdAt: Date()),
                actor: "test")
            var configuration = path.configuration
            let webPort = try FreePort.next()
            configuration.web.listen = "127.0.0.1:\(webPort)"
            let app = ReviewWebApp(
                configuration: configuration, database: path.database, workflow: path.review,
                renderer: try await PageRenderer.bundled(), hasher: hasher)
            let server = Task {
                try await WebServer.run(app: app, logger: Logger(label: "chaperone.e2e.web"), handlesSignals: false)
            }
            defer { server.cancel() }
            for _ in 0..<100 where !FreePort.isListening(webPort) { try await Task.sleep(for: .milliseconds(100)) }
            try await WebDriverClient.withBrowser { browser in
                try await Self.review(browser, base: "http://127.0.0.1:\(webPort)", decisionID: id, path: path)
            }
        }
    }

    static func review(_ browser: WebDriverClient, base: String, decisionID id: String, path: ProductionPath) async throws {
        try await browser.navigate(base + "/quarantine")
        #expect(try await browser.currentURL().hasSuffix("/login"), "an unsigned visit must land on the sign-in page")
        try await browser.type("it.tech", into: "#name")
        try await browser.type(password, into: "#password")
        try await browser.click("form.login button")
        let list = try await browser.source(containing: id)
        #expect(try await browser.currentURL().hasSuffix("/quarantine"))
        #expect(list.contains(id), "the held message is not listed")
        try await browser.screenshot(to: screenshotDirectory + "/quarantine.png")

        try await browser.click("a[href=\"/decisions/\(id)\"]")
        let page = try await browser.source(containing: Section.unacceptableUse.rule)
        #expect(page.contains("§7.2"))
        #expect(page.contains(Section.unacceptableUse.rule))
        try await browser.screenshot(to: screenshotDirectory + "/decision.png")

        try await browser.type("checked with the sender: notes for parents' evening", into: "#release-reason")
        try await browser.click("form[action=\"/decisions/\(id)/release\"] button")
        #expect(try await browser.source(containing: "released").contains("released"))

        let released = try await path.poll { path.delivered(containing: "BROWSER-RELEASE-7").first }
        #expect(released?.contains("X-Chaperone-Release: \(id)") == true, "the sink did not receive the release")
        try await Task.sleep(for: .seconds(2))
        #expect(path.delivered(containing: "BROWSER-RELEASE-7").count == 1, "released more than once")
        #expect(try await path.database.decision(id: id)?.quarantine?.state == .released)

        try await browser.navigate(base + "/audit")
        let audit = try await browser.source()
        #expect(audit.contains("it.tech (web)"))
        #expect(audit.contains("released-by-reinjection"))
        let events = try await path.database.reviewEvents(decisionID: id)
        #expect(events.contains { $0.kind == .releasedByReinjection && $0.actor == "it.tech (web)" })

        try await browser.navigate(base + "/dashboard?days=7")
        #expect(try await browser.source().contains("<svg"))
        try await browser.screenshot(to: screenshotDirectory + "/dashboard.png")
    }
}
