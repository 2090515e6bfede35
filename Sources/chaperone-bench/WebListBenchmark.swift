import ArgumentParser
import ChaperoneModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import Logging
import Notify
import Review
import ReviewUI
import Store

/// `chaperone-bench web-list`: how long the web app's list pages take over a store of
/// 100,000 decisions (a tenth of them held), through the real HTTP server on loopback
/// (URLSession as the browser, a signed-in session): the quarantine page newest first, filtered by
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
        let pages = [
            "/quarantine", "/quarantine?section=8", "/quarantine?class=personal", "/quarantine?sender=teacher7%40school.example",
            "/quarantine?days=7", "/quarantine?page=150", "/log", "/log?action=tag&section=7.2", "/dashboard?days=90",
        ]
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        configuration.web.listen = "127.0.0.1:0"  // any free port
        let served = ReviewWebApp(
            configuration: configuration, database: database, workflow: workflow, renderer: try await PageRenderer.bundled(), hasher: hasher)
        let server = Task {
            try await WebServer.run(app: served, logger: Logger(label: "chaperone.bench.web"), handlesSignals: false) { port in
                portContinuation.yield(port)
            }
        }
        defer { server.cancel() }
        var ports = portStream.makeAsyncIterator()
        guard let port = await ports.next() else { throw ValidationError("the web server did not start") }
        let token = await served.sessions.start(userName: "bench", role: .reviewer, now: Date())
        let cookie = "\(served.sessionCookieName)=\(token)"
        print("page (HTTP on 127.0.0.1:\(port), \(repeats) requests each after one warm-up): median, p95, slowest")
        for page in pages {
            var times: [Duration] = []
            _ = try await Self.get("http://127.0.0.1:\(port)\(page)", cookie: cookie)
            for _ in 0..<repeats {
                let started = ContinuousClock.now
                let status = try await Self.get("http://127.0.0.1:\(port)\(page)", cookie: cookie)
                times.append(ContinuousClock.now - started)
                guard status == 200 else { throw ValidationError("\(page) answered \(status)") }
            }
            times.sort()
            print(String(
                format: "  %@ %7.1f ms %7.1f ms %7.1f ms", page.padding(toLength: 50, withPad: " ", startingAt: 0),
                Self.milliseconds(times[times.count / 2]),
                Self.milliseconds(times[min(times.count - 1, times.count * 95 / 100)]), Self.milliseconds(times[times.count - 1])))
        }
    }

    /// One GET with the session cookie; the status.
    static func get(_ url: String, cookie: String) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
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
                    quarantine: action == .quarantine ? try QuarantineCopy(rawMessage: raw, envelope: envelope) : nil))
                index += 1
            }
            try await database.insertBatch(batch)
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }
}
