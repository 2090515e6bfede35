import Detectors
import Foundation
import Testing

/// A SIGHUP reload does not pause decisions: `chaperone serve` starts with a small roster,
/// then builds the reloaded runtime on a thread of its own while messages through a real
/// Postfix keep being decided under the old one, then swaps it in.
/// Ordering, not timing: the new roster file is a named pipe, so the reload cannot finish
/// until the test writes the roster into it; every message sent before that write is
/// decided while the reload is under way, however fast the machine builds a roster.
@Suite(.enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does"))
struct ServeReloadTests {
    /// Invented pupils with syllable names and valid UPNs, as an MIS CSV export.
    static func rosterCSV(pupils: Int) -> String {
        let syllables = ["ba", "ket", "lo", "mir", "dan", "sor", "vel", "tin", "ka", "ro", "pel", "zan"]
        func word(_ seed: Int, _ parts: Int) -> String {
            var value = seed
            var result = ""
            for _ in 0..<parts {
                result += syllables[value % syllables.count]
                value /= syllables.count
            }
            return result.prefix(1).uppercased() + result.dropFirst()
        }
        var lines = ["UPN,Legal Surname,Legal Forename,DOB,Year,Reg Group"]
        for index in 0..<pupils {
            let digits = String(index)
            let body = "3834321" + String(repeating: "0", count: 5 - digits.count) + digits
            let upn = String(UniquePupilNumber.checkLetter(forBody: body) ?? "A") + body
            lines.append("\(upn),\(word(index, 5)),\(word(index &* 7919 &+ 13, 2)),\(1 + index % 28)/\(1 + index % 12)/\(2010 + index % 6),8,8B")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func decisionsKeepFlowingWhileANewRosterIsBuilt() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let roster = work.appendingPathComponent("pupils.csv")
        try Self.rosterCSV(pupils: 50).write(to: roster, atomically: true, encoding: .utf8)
        let larger = work.appendingPathComponent("pupils-next.csv")
        #expect(mkfifo(larger.path, 0o600) == 0, "mkfifo \(larger.path): errno \(errno)")
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        defer { postfix.stop() }
        let config = work.appendingPathComponent("chaperone.yaml")
        let text = """
        school:
          domains: [ralphthoresby.example]
        roster:
          files: [\(roster.path)]
        milter:
          listen: inet:127.0.0.1:\(milterPort)
          spool_directory: \(work.path)/spool
        store:
          database: \(work.path)/chaperone.sqlite
        notifications:
          enabled: false
        """
        try text.write(to: config, atomically: true, encoding: .utf8)
        let log = work.appendingPathComponent("serve.log")
        let serve = try ServeProcess(config: config, logFile: log, port: milterPort)
        defer { serve.stop() }
        let message = Array("From: s.whitfield@ralphthoresby.example\r\nTo: yearheads@ralphthoresby.example\r\nSubject: Rota\r\n\r\nThe duty rota for next week is unchanged.\r\n".utf8)
        func send() async throws -> Int {
            try await SMTPSubmission.send(port: postfix.smtpPort, from: "s.whitfield@ralphthoresby.example",
                                          to: ["yearheads@ralphthoresby.example"], message: message).code
        }
        #expect(try await send() == 250, "a message before the reload")

        try text.replacingOccurrences(of: roster.path, with: larger.path).write(to: config, atomically: true, encoding: .utf8)
        kill(serve.process.processIdentifier, SIGHUP)
        #expect(try await ServeSignalsTests.waitFor("reloading", in: log), "\(ServeSignalsTests.log(log))")
        for attempt in 1...3 {
            #expect(try await send() == 250, "message \(attempt) while the reload waits for its roster")
        }
        #expect(!ServeSignalsTests.log(log).contains("configuration reloaded"), "the reload finished before its roster was written")
        try await Self.writeIntoPipe(larger.path, bytes: Array(Self.rosterCSV(pupils: 5_000).utf8))
        #expect(try await ServeSignalsTests.waitFor("configuration reloaded", in: log), "\(ServeSignalsTests.log(log))")
        #expect(try await send() == 250, "a message after the reload")
        serve.stop()
        await sink.stop()
    }

    /// Writes `bytes` into the named pipe once its reader (the reload thread) has opened
    /// it; gives up after 30 s rather than hang when no reader comes. Waits by sleeping
    /// the task, not the thread, so it holds no cooperative thread other tests need.
    static func writeIntoPipe(_ path: String, bytes: [UInt8]) async throws {
        struct NoReader: Error, CustomStringConvertible {
            var description: String
        }
        let deadline = ContinuousClock.now + .seconds(30)
        var descriptor: Int32 = -1
        while descriptor < 0 {
            descriptor = open(path, O_WRONLY | O_NONBLOCK)
            if descriptor < 0 {
                guard errno == ENXIO, ContinuousClock.now < deadline else { throw NoReader(description: "no reader opened \(path) (errno \(errno))") }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        defer { close(descriptor) }
        // Blocking from here: the reader is there and reads the roster straight away.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw NoReader(description: "writing \(path) failed (errno \(errno))") }
            offset += written
        }
    }
}
