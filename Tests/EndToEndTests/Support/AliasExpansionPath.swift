import ChaperoneModel
import Foundation
import Logging
import MilterServer
import RecipientExpansion
import ScanPipeline
import Synchronization

/// The real pipeline (sample configuration and roster) behind a real Postfix whose
/// `virtual_alias_maps` are a hash map and a texthash map written for the test, with
/// recipient expansion querying that Postfix. Both `smtpd_milters` and
/// `non_smtpd_milters` point at the milter, so sendmail submissions are judged too.
/// The scanner records the envelope each message reached it with.
struct AliasExpansionPath: Sendable {
    let postfix: PostfixInstance
    let sink: SMTPSink
    let store: InMemoryDecisionStore
    let seen: EnvelopeRecorder
    /// The expander the milter uses, querying this Postfix.
    let expander: RecipientExpander

    /// hash: governors → the clerk and parent-governors; a two-address loop.
    static let hashMap = """
        governors@ralphthoresby.example clerk@ralphthoresby.example, parent-governors@ralphthoresby.example
        loop-a@ralphthoresby.example loop-b@ralphthoresby.example
        loop-b@ralphthoresby.example loop-a@ralphthoresby.example

        """
    /// texthash: parent-governors → a personal Gmail address; year9-tutors → staff only.
    static let texthashMap = """
        parent-governors@ralphthoresby.example pat.oyelaran.gov@gmail.com
        year9-tutors@ralphthoresby.example h.marsh@ralphthoresby.example, a.pickles@ralphthoresby.example

        """

    static func with(_ body: (AliasExpansionPath) async throws -> Void) async throws {
        let maps = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-aliases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: maps) }
        try hashMap.write(to: maps.appendingPathComponent("virtual"), atomically: true, encoding: .utf8)
        try texthashMap.write(to: maps.appendingPathComponent("virtual-lists"), atomically: true, encoding: .utf8)
        try PostfixInstance.run("/usr/sbin/postmap", ["hash:\(maps.path)/virtual"])
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix: PostfixInstance
        do {
            postfix = try PostfixInstance(
                milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail",
                extraMainCF: """
                    virtual_alias_maps = hash:\(maps.path)/virtual, texthash:\(maps.path)/virtual-lists
                    non_smtpd_milters = inet:127.0.0.1:\(milterPort)

                    """)
        } catch {
            await sink.stop()
            throw error
        }
        let work = maps.appendingPathComponent("work")
        var configuration = try ProductionPath.configuration(work: work, postfix: postfix, milterPort: milterPort)
        configuration.expansion.listFile = nil
        configuration.expansion.postfixConfigDirectory = postfix.configDirectory
        let store = InMemoryDecisionStore()
        let seen = EnvelopeRecorder()
        let scanner = RecordingScanner(pipeline: try ProductionPath.singlePipeline(configuration), seen: seen)
        guard let expander = try? RecipientExpander.make(configuration: configuration) else {
            postfix.stop()
            await sink.stop()
            throw PostfixHarnessError.commandFailed("RecipientExpander.make", "expansion is not configured")
        }
        let server = MilterServer(
            configuration: configuration, scanner: scanner, store: store, logger: Logger(label: "chaperone.e2e.aliases"),
            scanThreads: 2, expander: expander)
        var failure: (any Error)?
        do {
            try await server.start()
            try await body(AliasExpansionPath(postfix: postfix, sink: sink, store: store, seen: seen, expander: expander))
        } catch {
            failure = error
        }
        postfix.stop()
        await server.shutdown(drainTimeout: .seconds(5))
        await sink.stop()
        if let failure { throw failure }
    }

    /// A sample message with its To header replaced, submitted over SMTP (smtpd_milters).
    func submit(sample: String, to recipient: String) async throws -> SMTPSubmission.Reply {
        let message = try Self.readdressed(sample: sample, to: recipient)
        return try await SMTPSubmission.send(port: postfix.smtpPort, from: "s.whitfield@ralphthoresby.example", to: [recipient], message: message)
    }

    /// The same through Postfix's sendmail command (postdrop → pickup → cleanup, where
    /// non_smtpd_milters run).
    func sendmail(sample: String, to recipient: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/sendmail")
        process.arguments = ["-C", postfix.configDirectory, "-f", "s.whitfield@ralphthoresby.example", "--", recipient]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(try Self.readdressed(sample: sample, to: recipient)))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PostfixHarnessError.commandFailed("sendmail", postfix.log) }
    }

    static func readdressed(sample: String, to recipient: String) throws -> [UInt8] {
        let text = String(decoding: try ProductionPath.sampleMessage(sample), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("To:") ? "To: <\(recipient)>" : String(line)
        }
        return Array(lines.joined(separator: "\r\n").utf8)
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

/// Envelopes as they reached the scanner, and the reports made from them.
final class EnvelopeRecorder: Sendable {
    private let entries = Mutex<[(Envelope, ScanReport)]>([])
    var all: [(envelope: Envelope, report: ScanReport)] { entries.withLock { $0.map { ($0.0, $0.1) } } }
    func append(_ envelope: Envelope, _ report: ScanReport) { entries.withLock { $0.append((envelope, report)) } }
}

/// The production pipeline, recording what it was given.
struct RecordingScanner: MessageScanning {
    let pipeline: ScanPipeline
    let seen: EnvelopeRecorder
    var configVersion: String { pipeline.version }

    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        let report = pipeline.scan(message: message, envelope: envelope)
        seen.append(envelope, report)
        return report
    }
}
