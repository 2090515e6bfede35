import Foundation

/// `chaperone serve` as a separate process, so a test can kill it with SIGKILL the way
/// a crash or the OOM killer would.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let logFile: URL

    /// The `chaperone` executable that `swift test` built next to the test bundle.
    static func executable() throws -> URL {
        let repository = ProductionPath.repository
        let candidates = [".build/debug/chaperone", ".build/release/chaperone"]
            .map { repository.appendingPathComponent($0) }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw PostfixHarnessError.notListening(port: 0, log: "no chaperone executable under .build (run `swift build` first)")
    }

    /// `user`: run as that account (through `setpriv`, with only its primary group), as
    /// the systemd unit runs `serve` as `chaperone`.
    init(config: URL, logFile: URL, port: Int, user: (uid: UInt32, gid: UInt32)? = nil) throws {
        self.logFile = logFile
        // Appended to, so that the log of a restarted serve follows the one it replaces.
        if !FileManager.default.fileExists(atPath: logFile.path) {
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logFile)
        log.seekToEndOfFile()
        let arguments = ["serve", "--config", config.path, "--log-level", "info"]
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--", try Self.executable().path]
                + arguments
        } else {
            process.executableURL = try Self.executable()
            process.arguments = arguments
        }
        process.standardOutput = log
        process.standardError = log
        try process.run()
        for _ in 0..<300 {
            if FreePort.isListening(port) { return }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        throw PostfixHarnessError.notListening(port: port, log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
    }

    /// SIGKILL: no drain, no flush, no cleanup.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
