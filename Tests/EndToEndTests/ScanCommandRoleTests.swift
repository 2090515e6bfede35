import Foundation
import Testing

/// Sender roles through `chaperone scan --json`, as a technician runs it on the
/// sender-role samples (49-59) with the sample configuration.
@Suite struct ScanCommandRoleTests {
    static func scan(_ arguments: [String]) throws -> [[String: Any]] {
        let run = try ScanCommandTests.scan(["--json", "--config", "samples/chaperone.yaml"] + arguments)
        #expect(run.status != 2, "\(run.errors)")
        return try run.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func sample(_ name: String) -> String { "samples/messages/\(name)" }

    static func verdict(_ object: [String: Any]) -> String {
        "\(object["action"] ?? "?") \((object["sections"] as? [String] ?? []).joined(separator: ","))"
    }

    static let everydayPupilMail = [
        "49-pupil-essay-to-own-personal.eml", "50-pupil-signs-name-to-friend-gmail.eml",
        "51-pupil-birthday-to-friend.eml", "52-pupil-quiz-team-classmate.eml",
    ]

    @Test func theFourEverydayPupilMessagesAreAcceptedAsPupilMail() throws {
        let results = try Self.scan(Self.everydayPupilMail.map(Self.sample))
        #expect(results.count == 4)
        for object in results {
            #expect(object["action"] as? String == "accept", "\(object["file"] ?? "")")
            #expect(object["sender_role"] as? String == "pupil")
            let sender = try #require(object["sender"] as? [String: Any])
            #expect(sender["rules"] as? String == "pupil")
            #expect((sender["reason"] as? String)?.contains("roster pupil's school address") == true)
            #expect(object["scanned"] as? Bool == true)
        }
    }

    @Test func theSameMessagesFromAStaffAddressKeepTodaysDecisions() throws {
        let results = try Self.scan(["--from", "t.hargreaves@ralphthoresby.example"] + Self.everydayPupilMail.map(Self.sample)
                                    + [Self.sample("53-pupil-class-list-to-webmail.eml")])
        #expect(results.map(Self.verdict) == ["quarantine 3", "quarantine 7.2", "quarantine 7.2,8", "quarantine 7.2", "quarantine 7.2,8"])
        #expect(results.allSatisfy { $0["sender_role"] as? String == "staff" })
    }

    @Test func aPupilSendingAClassListWithUPNsToWebmailIsHeldUnderSection8() throws {
        let object = try #require(try Self.scan([Self.sample("53-pupil-class-list-to-webmail.eml")]).first)
        #expect(Self.verdict(object) == "quarantine 8")
        #expect(object["sender_role"] as? String == "pupil")
        let explanation = object["explanation"] as? String ?? ""
        #expect(explanation.contains("A member of staff will look at it"))
        #expect(!explanation.contains("Guidance") && !explanation.contains("Section"))
    }

    @Test func theAuthenticatedLoginDecidesTheRole() throws {
        // A pupil who logged in with SASL but gave another MAIL FROM is still a pupil.
        let object = try #require(try Self.scan([
            "--auth", "olockwood28@pupils.ralphthoresby.example", "--from", "office@ralphthoresby.example",
            Self.sample("50-pupil-signs-name-to-friend-gmail.eml"),
        ]).first)
        #expect(object["sender_role"] as? String == "pupil")
        #expect((object["sender"] as? [String: Any])?["basis"] as? String == "authenticated-user")
        #expect(object["action"] as? String == "accept")
    }

    @Test func systemInboundAndForwardedMailGetTheirRoles() throws {
        let results = try Self.scan([
            Self.sample("55-system-sender-hold.eml"), Self.sample("56-inbound-outside-skipped.eml"),
            Self.sample("57-forwarded-out-pupil-data.eml"),
        ])
        #expect(results.map { $0["sender_role"] as? String } == ["system", "outside", "outside"])
        #expect(results.map(Self.verdict) == ["quarantine 8", "accept ", "quarantine 7.2,8"])
        // Inbound: accepted unread, so nothing was found and nothing was spent.
        #expect(results[1]["scanned"] as? Bool == false)
        #expect((results[1]["findings"] as? [Any])?.isEmpty == true)
        let forwarded = try #require(results[2]["sender"] as? [String: Any])
        #expect(forwarded["rules"] as? String == "staff")
        #expect(forwarded["forwarded_by"] as? String == "h.marsh@ralphthoresby.example")
    }

    @Test func explainShowsTheRoleAndWhy() throws {
        let run = try ScanCommandTests.scan([
            "--explain", "--config", "samples/chaperone.yaml", Self.sample("56-inbound-outside-skipped.eml"),
            Self.sample("51-pupil-birthday-to-friend.eml"),
        ])
        #expect(run.output.contains("ACCEPT (not scanned)  samples/messages/56-inbound-outside-skipped.eml"))
        #expect(run.output.contains("    sender: outside: the envelope sender is not a school address; inbound mail"))
        #expect(run.output.contains("    sender: pupil: the envelope sender hthackray27@pupils.ralphthoresby.example is a roster pupil's school address"))
    }

    @Test func checkConfigCountsPupilAddressesAndNamesThePupilDomains() throws {
        let process = Process()
        process.executableURL = try ServeProcess.executable()
        process.arguments = ["check-config", "samples/chaperone.yaml"]
        process.currentDirectoryURL = ProductionPath.repository
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("  pupil addresses: 75 from the roster (20 pupils without one)"))
        #expect(text.contains("  pupil domains: pupils.ralphthoresby.example"))
        #expect(text.contains("inbound mail: skip"))
    }
}
