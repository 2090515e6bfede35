import ChaperoneModel
import Foundation
import ReviewUI
import Store
import Testing

/// The dashboard's precision tables and shadow results, and the Suggestions page, on both
/// stores: what reviews said per rule and domain, pupils shown only by their redacted
/// name, shadow rules beside the live action; an auditor sees suggestions but cannot
/// accept them, a reviewer's acceptance is written once.
@Suite struct LearningPagesTests {
    @Test(arguments: WebBackend.allCases) func theDashboardShowsPrecisionAndShadowBesideLive(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            for index in 0..<3 { try await fixture.recordReleased(id: "CH-20261124-CARERS\(index)0", domain: "carers.example") }
            let name = Finding(detector: .pupilName, location: .body("1"), evidence: "S***** B****", confidence: 0.9, pupil: "R383432125004",
                               rules: ["8.pupil-name-outside"])
            let report = ScanReport(
                decisionID: "CH-20261124-NAMEHELD1", action: .quarantine, sections: [.confidentiality], rules: ["8.pupil-name-outside"],
                findings: [name], recipients: [Recipient(address: "coach@club.example", recipientClass: .external)])
            try await fixture.recorder.recordQuarantine(
                DecisionRecord(report: report, envelope: Envelope(sender: "t@hollowbrook.example", recipients: ["coach@club.example"]),
                               decidedAt: fixture.clock.now(), configVersion: "cfg"),
                rawMessage: Array("Subject: n\r\n\r\nname\r\n".utf8))
            try await fixture.database.deleteHeld(decisionID: "CH-20261124-NAMEHELD1", actor: "it", reason: "breach", at: fixture.clock.now())
            var shadowed = ScanReport(decisionID: "CH-20261124-SHADOWED1", action: .accept)
            shadowed.shadow = ShadowOutcome(
                action: .quarantine, rules: [.init(rule: "8.pupil-name-outside", shadowAction: .quarantine, liveAction: .accept)])
            try await fixture.recorder.record(DecisionRecord(
                report: shadowed, envelope: Envelope(sender: "t@hollowbrook.example", recipients: ["coach@club.example"]),
                decidedAt: fixture.clock.now(), configVersion: "cfg"))
            try await fixture.test { client in
                let cookie = try #require(try await client.signIn("aud").cookie)
                let page = try await client.get("/dashboard", cookie: cookie).body
                #expect(page.contains("<caption>Per outside recipient domain</caption>"))
                #expect(page.contains("<th scope=\"row\">carers.example</th><td>0</td><td>3</td><td>0</td><td>—</td>"))
                #expect(page.contains("<th scope=\"row\">S***** B****</th><td>0</td><td>0</td><td>1</td><td>100%</td>"))
                #expect(!page.contains("R383432125004"), "a pupil is shown by the redacted name only")
                #expect(page.contains("<th scope=\"row\">8.pupil-name-outside</th><td>quarantine</td><td>accept</td><td>1 (would differ)</td>"))
                let decision = try await client.get("/decisions/CH-20261124-SHADOWED1", cookie: cookie).body
                #expect(decision.contains("<dt>Shadow</dt><dd>would have been quarantine: 8.pupil-name-outside quarantine (live accept) </dd>"))
                #expect(!(try await client.get("/decisions/CH-20261124-NAMEHELD1", cookie: cookie).body.contains("<dt>Shadow</dt>")))
            }
        }
    }

    @Test func anAuditorSeesSuggestionsWithoutTheAcceptButton() async throws {
        try await WebFixture.with(.sqlite) { fixture in
            for index in 0..<10 { try await fixture.recordReleased(id: "CH-20261124-CARERS\(index)0", domain: "carers.example") }
            try await fixture.test { client in
                let auditor = try #require(try await client.signIn("aud").cookie)
                let seen = try await client.get("/suggestions", cookie: auditor).body
                #expect(seen.contains("<code>partner:carers.example</code>") && seen.contains("/decisions/CH-20261124-CARERS00"))
                #expect(!seen.contains("action=\"/suggestions/accept\""))
                let reviewer = try #require(try await client.signIn("rita").cookie)
                #expect(try await client.get("/suggestions", cookie: reviewer).body.contains("action=\"/suggestions/accept\""))
                let token = try await client.csrf(reviewer)
                let first = try await client.post("/suggestions/accept", cookie: reviewer, form: [("csrf", token), ("id", "partner:carers.example")])
                #expect(first.body.contains("Accepted partner:carers.example"))
                let again = try await client.post("/suggestions/accept", cookie: reviewer, form: [("csrf", token), ("id", "partner:carers.example")])
                #expect(again.body.contains("not accepted"), "the file on disk already has it")
                let after = try await client.get("/suggestions", cookie: reviewer).body
                #expect(!after.contains("<code>partner:carers.example</code>") && after.contains("<code>tag:8.sensitive-to-outside</code>"))
            }
            let learned = try String(contentsOfFile: fixture.directory + "/learned.yaml", encoding: .utf8)
            #expect(learned.components(separatedBy: "partner_domain:").count == 2, "one entry")
        }
    }

    @Test func anAccountLimitedToSomeSchoolsCannotAcceptATrustWideChange() async throws {
        try await WebFixture.with(.sqlite) { fixture in
            for index in 0..<10 { try await fixture.recordReleased(id: "CH-20261124-CARERS\(index)0", domain: "carers.example") }
            try await fixture.database.addWebUser(
                WebUser(name: "ash.it", role: .reviewer, passwordHash: try await fixture.app.hasher.hash(WebFixture.password),
                        createdAt: fixture.clock.now(), schools: ["ash-grove"]),
                actor: "test")
            try await fixture.test { client in
                let limited = try #require(try await client.signIn("ash.it").cookie)
                let page = try await client.get("/suggestions", cookie: limited).body
                #expect(page.contains("limited to some schools") && !page.contains("action=\"/suggestions/accept\""))
                let token = try await client.csrf(limited)
                let refused = try await client.post("/suggestions/accept", cookie: limited, form: [("csrf", token), ("id", "partner:carers.example")])
                #expect(refused.status == .forbidden)
            }
            #expect(!FileManager.default.fileExists(atPath: fixture.directory + "/learned.yaml"))
        }
    }
}
