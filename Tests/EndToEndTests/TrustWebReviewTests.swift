import ChaperoneModel
import Foundation
import PostgresTestSupport
import Store
import Testing

/// The web app on the trust's PostgreSQL store: `chaperone web` on host A, run with A's
/// configuration file, signs in an account made with `chaperone user add` on host B,
/// lists what host B held, and releases it through A's own listener, once.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct TrustWebReviewTests {
    static let password = "a long enough passphrase"

    @Test func theWebAppOnHostAReleasesWhatHostBHeldExactlyOnce() async throws {
        let trust = try await TrustHosts.start(cluster: try await PostgresCluster.shared())
        var web: Process?
        do {
            let (hostA, hostB) = (trust.hosts[0], trust.hosts[1])
            let decision = try await TrustReviewTests.hold("TRUST-WEB-HELD-ON-B", on: hostB, in: trust)
            #expect(decision.record.mailHost == "mx-b")
            let added = try ChaperoneCommand.run(
                ["user", "add", "it.tech", "--role", "reviewer", "--config", hostB.config.path], input: Self.password + "\n")
            #expect(added.status == 0, "\(added.errors)")
            let listed = try ChaperoneCommand.run(["user", "list", "--config", hostA.config.path])
            #expect(listed.output.contains("it.tech\treviewer\tactive"), "\(listed.output)\(listed.errors)")

            let port = try FreePort.next()
            let process = Process()
            process.executableURL = try ServeProcess.executable()
            process.arguments = ["web", "--config", hostA.config.path, "--listen", "127.0.0.1:\(port)"]
            let log = trust.work.appendingPathComponent("web-a.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let logHandle = try FileHandle(forWritingTo: log)
            process.standardOutput = logHandle
            process.standardError = logHandle
            try process.run()
            web = process
            let listening = try await trust.poll { FreePort.isListening(port) ? true : nil }
            let webLog = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
            #expect(listening == true, "chaperone web did not start: \(webLog())")

            // Sign in as a browser does: the form's cookie and token, then the session.
            let form = try HTTPExchange.send(port: port, "GET", "/login")
            let loginToken = try #require(form.cookie("chaperone_login"), "\(form.status) \(webLog())")
            let signIn = try HTTPExchange.send(
                port: port, "POST", "/login", cookie: "chaperone_login=\(loginToken)",
                form: [("csrf", loginToken), ("name", "it.tech"), ("password", Self.password)])
            let session = "chaperone_session=" + (try #require(signIn.cookie("chaperone_session"), "\(signIn.status) \(signIn.body)"))

            let list = try HTTPExchange.send(port: port, "GET", "/quarantine", cookie: session)
            #expect(list.status == 200 && list.body.contains(decision.decisionID), "\(list.status)")
            let page = try HTTPExchange.send(port: port, "GET", "/decisions/\(decision.decisionID)", cookie: session)
            #expect(page.status == 200 && page.body.contains("mx-b"), "the decision page names the host that held it")
            let token = try #require(page.csrfToken)
            let release = try HTTPExchange.send(
                port: port, "POST", "/decisions/\(decision.decisionID)/release", cookie: session,
                form: [("csrf", token), ("reason", "checked with the DSL")])
            #expect(release.status == 200 && release.body.contains("released"), "\(release.body)")
            let delivered = try #require(try await trust.poll { trust.delivered(containing: "TRUST-WEB-HELD-ON-B").first })
            #expect(delivered.contains("X-Chaperone-Release: \(decision.decisionID)"))
            #expect(delivered.contains("by mx-a.trust.example"), "reinjected through host A: \(delivered.prefix(600))")
            #expect(!delivered.contains("by mx-b.trust.example"))

            // Pressed again: refused by the store, so nothing more was sent.
            let again = try HTTPExchange.send(
                port: port, "POST", "/decisions/\(decision.decisionID)/release", cookie: session,
                form: [("csrf", token), ("reason", "again")])
            #expect(again.body.contains("not done"), "\(again.body)")
            #expect(trust.delivered(containing: "TRUST-WEB-HELD-ON-B").count == 1)
            #expect(try await trust.observer.decision(id: decision.decisionID)?.quarantine?.state == .released)
            let events = try await trust.observer.reviewEvents(decisionID: decision.decisionID)
            #expect(events.filter { $0.kind == .releasedByReinjection }.map(\.actor) == ["it.tech (web)"])
            let notes = try await trust.observer.storeWideEvents(limit: 20).compactMap(\.detail)
            #expect(notes.contains { $0.hasPrefix("signed in from") }, "the sign-in on host A is in the shared audit trail")
        } catch {
            Self.stop(web)
            await trust.stop()
            throw error
        }
        Self.stop(web)
        await trust.stop()
    }

    static func stop(_ process: Process?) {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
