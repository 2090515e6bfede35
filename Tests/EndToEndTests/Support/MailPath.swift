import ChaperoneModel
import Foundation
import Logging
import MilterServer

/// Everything one end-to-end test needs, wired as in production: SMTP client → Postfix
/// (smtpd_milters) → Chaperone's milter → Postfix → SMTP sink. Torn down after `body`.
struct MailPath: Sendable {
    let postfix: PostfixInstance
    let milter: MilterServer?
    let sink: SMTPSink
    let store: InMemoryDecisionStore

    static func with(
        milterRunning: Bool = true, defaultAction: String = "tempfail",
        _ body: (MailPath) async throws -> Void
    ) async throws {
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-e2e-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: spool) }
        var configuration = Configuration()
        configuration.milter.spoolDirectory = spool
        configuration.tagging.subjectPrefix = "[OFFICIAL-SENSITIVE]"
        let store = InMemoryDecisionStore()
        let sink = try await SMTPSink.start()
        var milter: MilterServer?
        var milterPort = try FreePort.next()
        if milterRunning {
            let server = MilterServer(
                configuration: configuration, scanner: MarkerScanner(), store: store,
                logger: Logger(label: "chaperone.e2e"), scanThreads: 2)
            milterPort = try await server.start(address: .inet(host: "127.0.0.1", port: 0))?.port ?? 0
            milter = server
        }
        let postfix: PostfixInstance
        do {
            postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: defaultAction)
        } catch {
            await milter?.shutdown(drainTimeout: .seconds(1))
            await sink.stop()
            throw error
        }
        let path = MailPath(postfix: postfix, milter: milter, sink: sink, store: store)
        do {
            try await body(path)
        } catch {
            path.tearDown()
            await milter?.shutdown(drainTimeout: .seconds(1))
            await sink.stop()
            throw error
        }
        path.tearDown()
        await milter?.shutdown(drainTimeout: .seconds(5))
        await sink.stop()
    }

    private func tearDown() {
        self.postfix.stop()
    }

    /// Submits a message through the milter-filtered listener.
    func submit(subject: String, body: String, to recipients: [String] = ["parent@example.net"]) async throws -> SMTPSubmission.Reply {
        let message = "From: teacher@school.example\r\nTo: \(recipients.joined(separator: ", "))\r\nSubject: \(subject)\r\n\r\n\(body)\r\n"
        return try await SMTPSubmission.send(
            port: self.postfix.smtpPort, from: "teacher@school.example", to: recipients, message: Array(message.utf8))
    }

    /// Waits (bounded) until the sink holds a message containing `marker`.
    func delivered(containing marker: String, timeout: Duration = .seconds(60)) async throws -> String? {
        try await self.poll(timeout: timeout) { self.sink.message(containing: marker) }
    }

    /// Waits (bounded) until `probe` returns a value.
    func poll<T>(timeout: Duration = .seconds(60), _ probe: () throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = try probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try probe()
    }
}
