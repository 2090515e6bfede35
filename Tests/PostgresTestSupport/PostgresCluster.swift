import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for tests: `initdb` in a fresh temporary directory,
/// `pg_ctl start` listening on 127.0.0.1 and a free port (no Unix socket outside the
/// directory), run as the `postgres` account when the tests run as root (PostgreSQL
/// refuses root), stopped and removed by `stop()`, at process exit, or — if the test
/// process was killed — by the next test process (`removeAbandonedClusters`).
/// No mock: this is Debian's PostgreSQL server.
public final class PostgresCluster: Sendable {
    /// The superuser the cluster is created with (trust authentication on loopback).
    public static let superuser = "chaperone_test"
    /// Where a cluster directory is created, and the prefix that marks it as ours.
    static let directoryPrefix = "chaperone-pg-"

    public let directory: String
    public let port: Int
    /// The Debian binaries directory (`/usr/lib/postgresql/15/bin`).
    let binaries: String
    /// The account the server runs as (nil: the current user).
    let runAs: String?

    /// The cluster the whole test process shares, started on first use.
    public static func shared() async throws -> PostgresCluster {
        try await SharedCluster.instance.value
    }

    /// Starts a new cluster. Prefer `shared()`: one cluster serves a whole suite, each
    /// test in its own database (`createDatabase()`).
    public static func start() throws -> PostgresCluster {
        let binaries = try Self.findBinaries()
        removeAbandonedClusters()
        let runAs: String? = geteuid() == 0 ? "postgres" : nil
        let directory = NSTemporaryDirectory() + Self.directoryPrefix + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Who started it: a later run removes the cluster if this process is gone.
        try "\(getpid())\n".write(toFile: directory + "/owner.pid", atomically: true, encoding: .utf8)
        if let runAs {
            try PostgresTool.run("/usr/bin/chown", ["-R", runAs, directory])
        }
        let cluster = PostgresCluster(directory: directory, port: 0, binaries: binaries, runAs: runAs)
        do {
            try cluster.tool(
                "initdb", ["-D", cluster.dataDirectory, "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
            // A port that was free a moment ago; retried once if another process took it.
            var lastError: (any Error)?
            for _ in 0..<3 {
                let port = try PostgresFreePort.next()
                let started = PostgresCluster(directory: directory, port: port, binaries: binaries, runAs: runAs)
                do {
                    try started.tool("pg_ctl", [
                        "start", "-w", "-t", "60", "-D", started.dataDirectory, "-l", started.logPath,
                        "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(directory) -c max_connections=200 -c fsync=on",
                    ])
                    SharedCluster.registerForExit(started)
                    return started
                } catch {
                    lastError = error
                }
            }
            throw lastError ?? PostgresClusterError.didNotStart(cluster.serverLog)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    init(directory: String, port: Int, binaries: String, runAs: String?) {
        self.directory = directory
        self.port = port
        self.binaries = binaries
        self.runAs = runAs
    }

    var dataDirectory: String { directory + "/data" }
    var logPath: String { directory + "/server.log" }
    /// The server's log so far (for a failure message).
    public var serverLog: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Creates an empty database with a fresh name and returns its name.
    public func createDatabase(prefix: String = "t") throws -> String {
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try tool("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.superuser, "-T", "template0", name])
        return name
    }

    /// `postgresql://chaperone_test@127.0.0.1:PORT/NAME`
    public func url(database: String) -> String {
        "postgresql://\(Self.superuser)@127.0.0.1:\(port)/\(database)"
    }

    /// Runs SQL through `psql` (for what a test does behind the store's back).
    @discardableResult
    public func psql(database: String, _ sql: String) throws -> String {
        try tool("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.superuser, "-d", database, "-v", "ON_ERROR_STOP=1",
                          "-X", "-q", "-t", "-A", "-c", sql])
    }

    /// Stops the server (fast shutdown: running transactions are rolled back).
    public func stopServer() throws {
        try tool("pg_ctl", ["stop", "-w", "-m", "fast", "-D", dataDirectory])
    }

    /// Starts the server again on the same port after `stopServer()`.
    public func startServer() throws {
        try tool("pg_ctl", [
            "start", "-w", "-t", "60", "-D", dataDirectory, "-l", logPath,
            "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(directory) -c max_connections=200 -c fsync=on",
        ])
    }

    /// Stops the server at once and removes the cluster directory.
    public func stop() {
        _ = try? tool("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", dataDirectory])
        try? FileManager.default.removeItem(atPath: directory)
    }

    @discardableResult
    func tool(_ name: String, _ arguments: [String]) throws -> String {
        let path = binaries + "/" + name
        if let runAs {
            return try PostgresTool.run("/usr/sbin/runuser", ["-u", runAs, "--", path] + arguments)
        }
        return try PostgresTool.run(path, arguments)
    }

    /// The newest `/usr/lib/postgresql/N/bin` with `initdb` (Debian's layout).
    static func findBinaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        throw PostgresClusterError.notInstalled
    }

    /// Stops and removes clusters left by test processes that no longer run (killed
    /// before their exit handler ran).
    static func removeAbandonedClusters() {
        let temporary = NSTemporaryDirectory()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for entry in entries where entry.hasPrefix(directoryPrefix) {
            let directory = temporary + entry
            guard let text = try? String(contentsOfFile: directory + "/owner.pid", encoding: .utf8),
                  let owner = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  kill(owner, 0) != 0, errno == ESRCH
            else { continue }
            let binaries = (try? findBinaries()) ?? ""
            let cluster = PostgresCluster(
                directory: directory, port: 0, binaries: binaries, runAs: geteuid() == 0 ? "postgres" : nil)
            cluster.stop()
        }
    }
}

/// Why a test cluster could not be had, with the fix.
public enum PostgresClusterError: Error, CustomStringConvertible {
    case notInstalled
    case didNotStart(String)
    case commandFailed(String, String)

    public var description: String {
        switch self {
        case .notInstalled:
            "PostgreSQL is not installed: apt-get install postgresql (the store tests start a throwaway cluster with its initdb)"
        case .didNotStart(let log):
            "the test PostgreSQL cluster did not start; its log:\n\(log)"
        case .commandFailed(let command, let output):
            "\(command) failed:\n\(output)"
        }
    }
}

/// The one cluster a test process shares, and its removal when the process exits.
enum SharedCluster {
    static let instance = Task<PostgresCluster, any Error> { try PostgresCluster.start() }
    nonisolated(unsafe) private static var started: [PostgresCluster] = []
    private static let lock = NSLock()

    static func registerForExit(_ cluster: PostgresCluster) {
        lock.lock()
        defer { lock.unlock() }
        if started.isEmpty {
            atexit { SharedCluster.stopAll() }
        }
        started.append(cluster)
    }

    static func stopAll() {
        lock.lock()
        let clusters = started
        started = []
        lock.unlock()
        for cluster in clusters { cluster.stop() }
    }
}
