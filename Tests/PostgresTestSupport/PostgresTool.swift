import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs one PostgreSQL tool and returns what it printed; a non-zero exit throws with
/// the tool's output. Output goes to a file, so a chatty tool cannot fill a pipe.
///
/// The tool is started through a shell that first closes every descriptor above 2:
/// Foundation's `Process` learns that a child exited when a socket the child inherits
/// is closed, and the server `pg_ctl start` leaves running would otherwise inherit that
/// socket (and those of other tools running at the time) and hold the call open for
/// as long as the server runs.
enum PostgresTool {
    static let closeInheritedDescriptors =
        #"for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi; done; exec "$@""#

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "chaperone-pgtool-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        // World-writable for the moment the tool runs as another account.
        chmod(outputPath, 0o666)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", closeInheritedDescriptors, "postgres-tool", executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw PostgresClusterError.commandFailed(([executable] + arguments).joined(separator: " "), text)
        }
        return text
    }
}

/// A loopback port for a cluster (`LoopbackPorts`, shared with the other servers tests start).
enum PostgresFreePort {
    static func next() throws -> Int {
        try LoopbackPorts.next()
    }
}
