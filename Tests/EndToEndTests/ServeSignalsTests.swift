import Foundation
import Testing

/// `chaperone serve` as an operator drives it: SIGHUP with a broken configuration is
/// refused loudly and the old one stays in force; SIGHUP with a good one swaps it in;
/// SIGTERM drains and exits cleanly.
@Suite struct ServeSignalsTests {
    static func log(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func waitFor(_ text: String, in url: URL) async throws -> Bool {
        for _ in 0..<200 {
            if log(url).contains(text) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func reloadRefusesABrokenConfigurationKeepsServingAndStopsCleanly() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-signals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let port = try FreePort.next()
        let samples = ProductionPath.repository.appendingPathComponent("samples")
        let good = """
        school:
          domains: [ralphthoresby.example]
        roster:
          files: [\(samples.path)/roster/pupils.csv]
        milter:
          listen: inet:127.0.0.1:\(port)
          spool_directory: \(work.path)/spool
        store:
          database: \(work.path)/chaperone.sqlite
        notifications:
          enabled: false
        """
        let config = work.appendingPathComponent("chaperone.yaml")
        try good.write(to: config, atomically: true, encoding: .utf8)
        let logFile = work.appendingPathComponent("serve.log")
        let serve = try ServeProcess(config: config, logFile: logFile, port: port)
        defer { serve.stop() }

        try (good + "\nthresholds:\n  bulk_pupils: lots\n").write(to: config, atomically: true, encoding: .utf8)
        kill(serve.process.processIdentifier, SIGHUP)
        #expect(try await Self.waitFor("reload refused", in: logFile), "\(Self.log(logFile))")
        #expect(Self.log(logFile).contains("chaperone.yaml:13:16: expected a whole number"), "the refusal names the line")
        #expect(serve.process.isRunning)
        #expect(FreePort.isListening(port))

        try good.replacingOccurrences(of: "domains: [ralphthoresby.example]", with: "domains: [ralphthoresby.example, other.example]")
            .write(to: config, atomically: true, encoding: .utf8)
        kill(serve.process.processIdentifier, SIGHUP)
        #expect(try await Self.waitFor("configuration reloaded", in: logFile), "\(Self.log(logFile))")

        serve.process.terminate()
        serve.process.waitUntilExit()
        #expect(serve.process.terminationStatus == 0)
        #expect(Self.log(logFile).contains("milter stopped"))
        #expect(!FreePort.isListening(port))
    }
}
