import ChaperoneModel
import Foundation
import Logging
import MilterServer
import Notify
import Policy
import Review
import RosterImport
import ScanPipeline
import Store

/// The production wiring behind a real Postfix: the sample configuration and roster,
/// the real scan pipeline, the SQLite store in a temporary directory, staff notices
/// submitted to Postfix's milter-free listener, and the review workflow releasing the
/// stored copy to that listener. Everything is torn down after `body`.
struct ProductionPath: Sendable {
    let postfix: PostfixInstance
    let sink: SMTPSink
    let database: AppDatabase
    let review: ReviewWorkflow
    let configuration: Configuration

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func sampleMessage(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repository.appendingPathComponent("samples/messages/\(name)")))
    }

    /// `configure` adjusts the sample configuration before the server starts;
    /// `wrapStore` puts a fault-injecting store between the milter and the real one.
    static func with(
        sample: String = "chaperone.yaml",
        configure: (inout Configuration) -> Void = { _ in },
        wrapStore: (any DecisionStore) -> any DecisionStore = { $0 },
        _ body: (ProductionPath) async throws -> Void
    ) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-prod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix: PostfixInstance
        do {
            postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        } catch {
            await sink.stop()
            throw error
        }
        var configuration = try Self.configuration(work: work, postfix: postfix, milterPort: milterPort, sample: sample)
        configure(&configuration)
        let logger = Logger(label: "chaperone.e2e.production")
        let database = try AppDatabase(path: configuration.store.database)
        let sqlite = SQLiteDecisionStore(database: database)
        let listener = try SMTPListenerAddress(parsing: configuration.notifications.submitListener)
        // As `serve`: notices carry self-service links when the configuration allows them.
        let notifier = StaffNotifier(
            configuration: configuration, submitter: SMTPSubmitter(listener: listener),
            selfServiceLinks: SelfServiceLinker(signer: SelfServiceSigner(key: try await database.selfServiceKey())))
        let store = NotifyingDecisionStore(store: sqlite, notifier: notifier, logger: logger)
        let server = MilterServer(
            configuration: configuration, scanner: try Self.pipeline(configuration), store: wrapStore(store), logger: logger,
            scanThreads: 2)
        let review = ReviewWorkflow(
            database: database,
            reinjector: SMTPSubmitter(listener: try SMTPListenerAddress(parsing: configuration.release.reinjectListener)),
            removedHeaders: [configuration.tagging.traceHeader].compactMap { $0 })
        let path = ProductionPath(postfix: postfix, sink: sink, database: database, review: review, configuration: configuration)
        var failure: (any Error)?
        do {
            try await server.start()
            try await body(path)
        } catch {
            failure = error
        }
        postfix.stop()
        await server.shutdown(drainTimeout: .seconds(5))
        try? await sqlite.close()
        await sink.stop()
        if let failure { throw failure }
    }

    /// samples/chaperone.yaml (or `sample`), pointed at this test's Postfix, ports and directories.
    static func configuration(work: URL, postfix: PostfixInstance, milterPort: Int, sample: String = "chaperone.yaml") throws -> Configuration {
        let samples = repository.appendingPathComponent("samples")
        let text = try String(contentsOf: samples.appendingPathComponent(sample), encoding: .utf8)
        var configuration = try ConfigurationLoader.load(yaml: text, source: sample, baseDirectory: samples.path)
        configuration.milter.listen = "inet:127.0.0.1:\(milterPort)"
        configuration.milter.spoolDirectory = work.appendingPathComponent("spool").path
        configuration.store.database = work.appendingPathComponent("chaperone.sqlite").path
        configuration.notifications.submitListener = "127.0.0.1:\(postfix.reinjectPort)"
        configuration.release.reinjectListener = "127.0.0.1:\(postfix.reinjectPort)"
        return configuration
    }

    /// The single school's pipeline, or with `schools:` every school's, as `serve` builds them.
    static func pipeline(_ configuration: Configuration) throws -> any MessageScanning {
        guard configuration.hasSchoolList else { return try singlePipeline(configuration) }
        let files = try configuration.schoolConfigurations.map { school in
            SchoolRosterFiles(
                id: school.id, configuration: school.configuration,
                rosters: try school.configuration.roster.files.map { RosterSource(name: $0, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0)))) },
                staff: try school.configuration.roster.staffFile.map { RosterSource(name: $0, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0)))) })
        }
        return SchoolPipelines(configuration: configuration, loaded: try SchoolPipelines.load(files).map { try $0.get() })
    }

    static func singlePipeline(_ configuration: Configuration) throws -> ScanPipeline {
        let sources = try configuration.roster.files.map {
            RosterSource(name: $0, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))))
        }
        let staff = try configuration.roster.staffFile.map {
            RosterSource(name: $0, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))))
        }
        let roster = RosterImporter.importFiles(sources, staff: staff).roster
        return ScanPipeline(configuration: configuration, roster: roster, version: "e2e")
    }

    /// Submits a sample message through the milter-filtered listener, with the envelope
    /// taken from its headers.
    func submit(_ message: [UInt8], from: String, to recipients: [String]) async throws -> SMTPSubmission.Reply {
        try await SMTPSubmission.send(port: postfix.smtpPort, from: from, to: recipients, message: message)
    }

    /// Queue ids in Postfix's hold queue (which Chaperone never uses: always empty).
    func heldQueueIDs() throws -> [String] {
        try postfix.queue().filter { $0["queue_name"] as? String == "hold" }.compactMap { $0["queue_id"] as? String }
    }

    /// Messages at the sink containing `marker`.
    func delivered(containing marker: String) -> [String] {
        sink.messages.map { String(decoding: $0, as: UTF8.self) }.filter { $0.contains(marker) }
    }

    /// Waits (bounded) until `probe` returns a value.
    func poll<T>(timeout: Duration = .seconds(60), _ probe: () async throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await probe()
    }
}
