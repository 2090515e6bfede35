import Foundation
import PostgresTestSupport
import Store
import StorePostgres

/// Two mail hosts of one trust sharing one PostgreSQL store, each a real Postfix in
/// front of its own `chaperone serve` process, both delivering to one sink; with the
/// configuration files a reviewer on either host uses. Torn down by `stop()`.
final class TrustHosts: @unchecked Sendable {
    /// One mail host: its Postfix, its `serve`, and its configuration file.
    struct Host {
        var id: String
        var postfix: PostfixInstance
        var serve: ServeProcess
        var config: URL
    }

    let cluster: PostgresCluster
    let databaseName: String
    let sink: SMTPSink
    let hosts: [Host]
    let work: URL
    /// The store as a reviewer's tools see it (another connection pool).
    let observer: PostgresStore

    /// `cluster`: the shared test cluster, or one of the test's own when it stops the server.
    static func start(cluster: PostgresCluster, hostIDs: [String] = ["mx-a", "mx-b"], timeoutSeconds: Double = 30) async throws
        -> TrustHosts
    {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let databaseName = try cluster.createDatabase(prefix: "trust")
        let url = cluster.url(database: databaseName)
        let sink = try await SMTPSink.start()
        var hosts: [Host] = []
        do {
            for id in hostIDs {
                let milterPort = try FreePort.next()
                let postfix = try PostfixInstance(
                    milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail",
                    extraMainCF: "myhostname = \(id).trust.example")
                let config = work.appendingPathComponent("\(id).yaml")
                try Self.configuration(
                    id: id, url: url, work: work, milterPort: milterPort, postfix: postfix, timeoutSeconds: timeoutSeconds
                ).write(to: config, atomically: true, encoding: .utf8)
                do {
                    let serve = try ServeProcess(config: config, logFile: work.appendingPathComponent("\(id).log"), port: milterPort)
                    hosts.append(Host(id: id, postfix: postfix, serve: serve, config: config))
                } catch {
                    postfix.stop()
                    throw error
                }
            }
            // The observer opens (and migrates) while two `serve` processes start on the same
            // cluster; on 2 loaded cores that has taken over 60 s, so it has the 120 s the
            // PostgreSQL store tests give their set-up.
            var observerOptions = PostgresStore.Options()
            observerOptions.operationTimeoutSeconds = 120
            let observer = try await PostgresStore.open(settings: try PostgresConnectionSettings(url: url), options: observerOptions)
            return TrustHosts(cluster: cluster, databaseName: databaseName, sink: sink, hosts: hosts, work: work, observer: observer)
        } catch {
            for host in hosts {
                host.serve.stop()
                host.postfix.stop()
            }
            await sink.stop()
            try? FileManager.default.removeItem(at: work)
            throw error
        }
    }

    private init(
        cluster: PostgresCluster, databaseName: String, sink: SMTPSink, hosts: [Host], work: URL, observer: PostgresStore
    ) {
        self.cluster = cluster
        self.databaseName = databaseName
        self.sink = sink
        self.hosts = hosts
        self.work = work
        self.observer = observer
    }

    func stop() async {
        for host in hosts {
            host.postfix.stop()
            host.serve.stop()
        }
        await observer.close()
        await sink.stop()
        try? FileManager.default.removeItem(at: work)
    }

    /// What a host's `serve` logged so far.
    func log(of host: Host) -> String {
        (try? String(contentsOf: work.appendingPathComponent("\(host.id).log"), encoding: .utf8)) ?? ""
    }

    /// Messages at the sink containing `marker`.
    func delivered(containing marker: String) -> [String] {
        sink.messages.map { String(decoding: $0, as: UTF8.self) }.filter { $0.contains(marker) }
    }

    /// Waits (bounded) until `probe` returns a value.
    func poll<T>(timeout: Duration = .seconds(60), _ probe: () async throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = try? await probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await probe()
    }

    static func configuration(
        id: String, url: String, work: URL, milterPort: Int, postfix: PostfixInstance, timeoutSeconds: Double
    ) -> String {
        let samples = ProductionPath.repository.appendingPathComponent("samples")
        return """
        school:
          name: Ralph Thoresby
          domains: [ralphthoresby.example, pupils.ralphthoresby.example]
        roster:
          files: [\(samples.path)/roster/pupils.csv, \(samples.path)/roster/pupils-ctf.xml]
          staff_file: \(samples.path)/roster/staff.csv
        milter:
          listen: inet:127.0.0.1:\(milterPort)
          spool_directory: \(work.path)/\(id)-spool
        store:
          url: \(url)
          host_id: \(id)
          timeout_seconds: \(timeoutSeconds)
        release:
          reinject_listener: 127.0.0.1:\(postfix.reinjectPort)
        notifications:
          enabled: false
        """
    }
}
