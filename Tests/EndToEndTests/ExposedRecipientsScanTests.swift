import Foundation
import Testing

/// `chaperone scan --json` and `check-config` on the exposed-recipients samples: the
/// count is printed, never the addresses of the families exposed.
@Suite struct ExposedRecipientsScanTests {
    private func object(_ file: String) throws -> [String: Any] {
        let run = try ScanCommandTests.scan(["--json", "--config", "samples/chaperone.yaml", "samples/messages/\(file)"])
        #expect(run.status == 0, "\(run.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }

    @Test func parentsInToAreReportedAsRewrittenWithTheCountOnly() throws {
        let object = try object("73-trip-reminder-parents-in-to.eml")
        #expect(object["action"] as? String == "accept")
        #expect(object["recipients_rewritten"] as? Bool == true)
        let findings = object["findings"] as? [[String: Any]] ?? []
        let finding = try #require(findings.first { $0["detector"] as? String == "exposed-recipients" })
        #expect(finding["evidence"] as? String == "8 families or organisations")
        // Rewritten and delivered: the rule acted, nothing was breached.
        #expect(finding["section"] is NSNull)
        #expect(finding["rules"] as? [String] == ["8.recipients-exposed"])
        #expect(object["sections"] as? [String] == [])
        #expect(object["rules"] as? [String] == ["8.recipients-exposed"])
        #expect(object["governing_sections"] as? [String] == ["8"])
        #expect(finding["detail"] as? String == "applied=rewrite")
        let explanation = try #require(object["explanation"] as? String)
        #expect(explanation.contains("8 families or organisations"))
        #expect(!explanation.contains("@"))
    }

    @Test(arguments: ["74-trip-reminder-parents-in-bcc.eml", "75-colleagues-at-the-local-authority.eml", "76-both-parents-of-one-pupil.eml"])
    func bccOneOrganisationAndOneFamilyAreUntouched(_ file: String) throws {
        let object = try object(file)
        #expect(object["action"] as? String == "accept")
        #expect(object["recipients_rewritten"] as? Bool == false)
        #expect((object["findings"] as? [[String: Any]] ?? []).allSatisfy { $0["detector"] as? String != "exposed-recipients" })
    }

    @Test func checkConfigWarnsThatARewriteBreaksAnEarlierDKIMSignature() throws {
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
        #expect(text.contains("  exposed recipients: 5 or more families or organisations in To/Cc → rewrite"))
        #expect(text.contains("breaks a DKIM signature made before Chaperone"))
        #expect(text.contains("exposed_recipients.action: hold"))
    }
}
