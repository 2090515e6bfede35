import ArgumentParser
import ChaperoneModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Notify
import Review
import ReviewUI
import Store

/// `chaperone-bench web-list`: how long the web app's list pages take over a store of
/// 100,000 decisions (a tenth of them held), through a real HTTP server on loopback
/// (HummingbirdTesting's live client): the quarantine page newest first, filtered by
/// section, by recipient class and by sender, a deep page, and the log and dashboard.
struct WebListBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web-list", abstract: "Time the web app's list pages over a large store (100,000 decisions).")

    @Option(help: "Decisions in the store.") var decisions = 100_000
    @Option(help: "Requests per page measured.") var repeats = 20

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-web-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: directory.appendingPathComponent("bench.sqlite").path)
        let filling = ContinuousClock.now
        try await Self.fill(database, count: decisions)
        print("store: \(decisions) decisions (\(decisions / 10) held), filled in \(ContinuousClock.now - filling)")
        let hasher = PasswordHasher(cost: 4)
        try await database.addWebUser(
            WebUser(name: "bench", role: .reviewer, passwordHash: try await hasher.hash("bench passphrase"), createdAt: Date()),
            actor: "bench")
        var configuration = Configuration()
        configuration.school.domains = ["school.example"]
        let workflow = ReviewWorkflow(
            database: database, reinjector: SMTPSubmitter(listener: try SMTPListenerAddress(parsing: "127.0.0.1:1")), removedHeaders: [])
        let app = ReviewWebApp(
            configuration: configuration, database: database, workflow: workflow, renderer: try await PageRenderer.bundled(),
            hasher: hasher)
        let pages = [
            "/quarantine", "/quarantine?section=8", "/quarantine?class=personal", "/quarantine?sender=teacher7%40school.example",
            "/quarantine?days=7", "/quarantine?page=150", "/log", "/log?action=tag&section=7.2", "/dashboard?days=90",
        ]
        let repeats = repeats
        let application = Application(router: app.buildRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live) { client in
            let cookie = try await Self.signIn(client)
            print("page (HTTP on loopback, \(repeats) requests each): median, p95, slowest")
            for page in pages {
                var times: [Duration] = []
                for _ in 0..<repeats {
                    let started = ContinuousClock.now
                    let status = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { $0.status }
                    times.append(ContinuousClock.now - started)
                    guard status == .ok else { throw ValidationError("\(page) answered \(status)") }
                }
                times.sort()
                print(String(
                    format: "  %@ %7.1f ms %7.1f ms %7.1f ms", page.padding(toLength: 50, withPad: " ", startingAt: 0),
                    Self.milliseconds(times[times.count / 2]),
                    Self.milliseconds(times[min(times.count - 1, times.count * 95 / 100)]), Self.milliseconds(times[times.count - 1])))
            }
        }
    }

    static func signIn(_ client: any TestClientProtocol) async throws -> String {
        let form = try await client.execute(uri: "/login", method: .get) { $0.headers[values: .setCookie] }
        guard let login = form.first(where: { $0.hasPrefix(ReviewWebApp.loginCookie + "=") })?.split(separator: ";").first else {
            throw ValidationError("no sign-in cookie")
        }
        let token = login.dropFirst(ReviewWebApp.loginCookie.count + 1)
        let cookies = try await client.execute(
            uri: "/login", method: .post, headers: [.cookie: String(login), .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "csrf=\(token)&name=bench&password=bench+passphrase")
        ) { $0.headers[values: .setCookie] }
        guard let session = cookies.first(where: { $0.hasPrefix(ReviewWebApp.sessionCookie + "=") })?.split(separator: ";").first else {
            throw ValidationError("sign-in failed")
        }
        return String(session)
    }

    /// Decisions over the last 90 days: accept mostly, some tagged, a tenth held, with
    /// sections, recipients of every class and 50 senders.
    static func fill(_ database: AppDatabase, count: Int) async throws {
        let now = Date()
        let raw = Array("From: teacher@school.example\r\nTo: parent@example.net\r\n\r\nreport attached\r\n".utf8)
        let sections = Section.allCases
        let classes = RecipientClass.allCases
        var index = 0
        while index < count {
            var batch: [PendingDecisionWrite] = []
            for _ in 0..<min(1_000, count - index) {
                let action: Action = index % 10 == 0 ? .quarantine : (index % 10 == 1 ? .tag : .accept)
                let section = sections[index % sections.count]
                let recipient = Recipient(address: "person\(index % 997)@example.net", recipientClass: classes[index % classes.count])
                let finding = Finding(detector: .upn, location: .body("1"), evidence: "A12…(redacted)", confidence: 0.9, sections: [section])
                let report = ScanReport(
                    decisionID: "CH-BENCH-\(index)", action: action, sections: action == .accept ? [] : [section],
                    findings: action == .accept ? [] : [finding], recipients: [recipient], sizeBytes: 20_000)
                let envelope = Envelope(sender: "teacher\(index % 50)@school.example", recipients: [recipient.address])
                let decided = now.addingTimeInterval(-Double(count - index) * (90 * 86_400 / Double(count)))
                batch.append(PendingDecisionWrite(
                    record: DecisionRecord(report: report, envelope: envelope, decidedAt: decided, configVersion: "bench"),
                    quarantine: action == .quarantine ? try QuarantineCopy(rawMessage: raw) : nil))
                index += 1
            }
            try await database.insertBatch(batch)
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }
}
