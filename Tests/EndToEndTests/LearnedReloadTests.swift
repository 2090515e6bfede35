import Detectors
import Foundation
import Store
import Testing

/// An accepted suggestion changes the next decision after SIGHUP, through a real Postfix
/// and `chaperone serve`: messages naming a pupil to a sports club are held, reviewers
/// label them false positives, `chaperone suggest accept` writes the learned file, and
/// after the reload the same kind of message is tagged and delivered instead.
@Suite(.enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does"))
struct LearnedReloadTests {
    @Test func anAcceptedSuggestionChangesTheNextDecisionAfterSIGHUP() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-learned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let roster = work.appendingPathComponent("pupils.csv")
        let body = "383432100077"
        let upn = String(UniquePupilNumber.checkLetter(forBody: body) ?? "A") + body
        // An invented pupil.
        try "UPN,Legal Surname,Legal Forename,DOB,Year,Reg Group\r\n\(upn),Thackeray,Imogen,04/05/2013,8,8B\r\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let sink = try await SMTPSink.start()
        let milterPort = try FreePort.next()
        let postfix = try PostfixInstance(milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail")
        defer { postfix.stop() }
        let config = work.appendingPathComponent("chaperone.yaml")
        let database = work.appendingPathComponent("chaperone.sqlite").path
        try """
        school:
          domains: [ralphthoresby.example]
        roster:
          files: [\(roster.path)]
        actions:
          pupil_name_outside: quarantine
        milter:
          listen: inet:127.0.0.1:\(milterPort)
          spool_directory: \(work.path)/spool
        store:
          database: \(database)
        notifications:
          enabled: false
        learning:
          learned_file: learned.yaml
        """.write(to: config, atomically: true, encoding: .utf8)
        let log = work.appendingPathComponent("serve.log")
        let serve = try ServeProcess(config: config, logFile: log, port: milterPort)
        defer { serve.stop() }
        func send(_ week: Int) async throws -> Int {
            let message = "From: s.whitfield@ralphthoresby.example\r\nTo: coach@harriers-club.example\r\nSubject: Training, week \(week)\r\n\r\nImogen Thackeray will be at training on Saturday of week \(week).\r\n"
            let reply = try await SMTPSubmission.send(
                port: postfix.smtpPort, from: "s.whitfield@ralphthoresby.example", to: ["coach@harriers-club.example"],
                message: Array(message.utf8))
            return reply.code
        }
        for week in 1...5 { #expect(try await send(week) == 250) }

        let store = try AppDatabase(path: database)
        let held = try await store.decisions(matching: DecisionFilter(limit: 10))
        #expect(held.count == 5 && held.allSatisfy { $0.record.report.action == .quarantine }, "\(held.map(\.record.report.rules))")
        for decision in held {
            try await store.markFalsePositive(decisionID: decision.decisionID, actor: "it", reason: "a club, not a breach")
            let claim = try await store.claim(decisionID: decision.decisionID, for: .release)
            try await store.finish(claim, outcome: .releasedByReinjection, actor: "it", reason: "false positive", detail: nil)
        }
        let listed = try CLIRun.run(["suggest", "--config", config.path])
        #expect(listed.status == 0 && listed.output.contains("tag:8.pupil-name-outside"), "\(listed.output)\(listed.errors)")
        let accepted = try CLIRun.run(["suggest", "accept", "tag:8.pupil-name-outside", "--config", config.path, "--reviewer", "Mrs Okafor"])
        #expect(accepted.status == 0, "\(accepted.errors)")
        let learned = try String(contentsOf: work.appendingPathComponent("learned.yaml"), encoding: .utf8)
        #expect(learned.contains("rule: \"8.pupil-name-outside\"") && learned.contains("Mrs Okafor, by "))
        let checked = try CLIRun.run(["check-config", config.path])
        #expect(checked.status == 0 && checked.output.contains("1 accepted suggestion"), "\(checked.output)\(checked.errors)")
        #expect(try await store.storeWideEvents(limit: 5).first?.detail?.contains("accepted suggestion tag:8.pupil-name-outside") == true)

        kill(serve.process.processIdentifier, SIGHUP)
        #expect(try await ServeSignalsTests.waitFor("configuration reloaded", in: log), "\(ServeSignalsTests.log(log))")
        #expect(try await send(6) == 250)
        let latest = try #require(try await store.decisions(matching: DecisionFilter(limit: 1)).first)
        #expect(latest.record.report.action == .tag, "after the reload the rule tags: \(latest.record.report.rules)")
        #expect(latest.record.report.rules == ["8.pupil-name-outside"])
        serve.stop()
        await sink.stop()
    }
}
