import Foundation

/// A private Postfix instance for one test: its own config, queue and data directories
/// in a fresh temporary directory, chroot off, logging to a file, listening on random
/// loopback ports, relaying everything to the test's SMTP sink.
///
/// Ports: `smtpPort` goes through the milter; `reinjectPort` is milter-free (as in
/// deploy/postfix/master.cf). Needs root (it starts Postfix's master).
final class PostfixInstance: Sendable {
    static let postfix = "/usr/sbin/postfix"
    static let postqueue = "/usr/sbin/postqueue"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: postfix) }

    let root: URL
    let smtpPort: Int
    let reinjectPort: Int
    var configDirectory: String { self.root.appendingPathComponent("etc").path }
    var logFile: String { self.root.appendingPathComponent("maillog").path }

    /// Writes the configuration and starts Postfix. `extraMainCF` lines are appended to
    /// main.cf (a later setting overrides an earlier one); `smtpdOptions` (`name=value`,
    /// no spaces) become `-o` options of the milter-filtered listener only.
    init(milterPort: Int, sinkPort: Int, defaultAction: String, extraMainCF: String = "", smtpdOptions: [String] = []) throws {
        self.root = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-postfix-\(UUID().uuidString)")
        self.smtpPort = try FreePort.next()
        self.reinjectPort = try FreePort.next()
        do {
            try self.layOut(
                milterPort: milterPort, sinkPort: sinkPort, defaultAction: defaultAction, extraMainCF: extraMainCF,
                smtpdOptions: smtpdOptions)
            try Self.run(Self.postfix, ["-c", self.configDirectory, "start"])
            try self.waitForListener()
        } catch {
            self.stop()
            throw error
        }
    }

    /// Stops Postfix, waits for its master to exit, and removes every file.
    func stop() {
        let pid = self.masterPID()
        _ = try? Self.run(Self.postfix, ["-c", self.configDirectory, "stop"])
        if let pid {
            for _ in 0..<100 where kill(pid, 0) == 0 { usleep(50_000) }
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: self.root)
    }

    /// The queue as `postqueue -j` reports it: one JSON object per message.
    func queue() throws -> [[String: Any]] {
        let output = try Self.run(Self.postqueue, ["-c", self.configDirectory, "-j"])
        return output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The Postfix log so far (for failure messages).
    var log: String { (try? String(contentsOfFile: self.logFile, encoding: .utf8)) ?? "" }

    private func masterPID() -> pid_t? {
        let file = self.root.appendingPathComponent("queue/pid/master.pid").path
        return (try? String(contentsOfFile: file, encoding: .utf8)).flatMap {
            pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Bounded (20 s): the master binds the listening ports before it is ready, so it
    /// must also have logged "daemon started" (a master stuck while logging never does).
    private func waitForListener() throws {
        for _ in 0..<400 {
            if FreePort.isListening(self.smtpPort), self.log.contains("daemon started") { return }
            usleep(50_000)
        }
        throw PostfixHarnessError.notListening(port: self.smtpPort, log: self.log)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw PostfixHarnessError.commandFailed("\(executable) \(arguments.joined(separator: " "))", text)
        }
        return text
    }
}
