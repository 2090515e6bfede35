import Detectors
import Foundation
import Testing

/// A SIGHUP reload does not pause decisions: `chaperone serve` starts with a small roster,
/// then builds the reloaded runtime (a 30,000-pupil roster: import and automaton, which a
/// debug build takes seconds over) on a thread of its own while messages through a real
/// Postfix keep being decided under the old one, then swaps it in.
/// Ordering, not timing: a message counts as decided during the reload when its 250
/// came back after the log said "reloading" and before it said "configuration reloaded".
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
        let larger = work.appendingPathComponent("pupils-30000.csv")
        try Self.rosterCSV(pupils: 30_000).write(to: larger, atomically: true, encoding: .utf8)
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
        var decidedDuringReload = 0
        var sent = 0
        while sent < 500, !ServeSignalsTests.log(log).contains("configuration reloaded") {
            let code = try await send()
            sent += 1
            #expect(code == 250)
            if code == 250, !ServeSignalsTests.log(log).contains("configuration reloaded") { decidedDuringReload += 1 }
        }
        #expect(decidedDuringReload >= 1, "no message was decided while the reload was built (\(sent) sent)")
        #expect(try await ServeSignalsTests.waitFor("configuration reloaded", in: log), "\(ServeSignalsTests.log(log))")
        #expect(try await send() == 250, "a message after the reload")
        serve.stop()
        await sink.stop()
    }
}
