import ChaperoneModel
import Foundation
import HTTPTypes
import ReviewUI
import Store
import Testing

/// A reviewer limited to one school of a trust, on both stores: every page lists only
/// that school's mail, and another school's decision is 404 — page, actions, original —
/// exactly as an id that does not exist, and stays held with nothing audited.
@Suite struct SchoolScopeTests {
    static let ashID = "CH-20261124-ASHGROVE1"
    static let beechID = "CH-20261124-BEECHES01"
    static let missingID = "CH-20261124-NOTTHERE1"

    /// The fixture with a held message of each of two schools and `ash.it`, a reviewer
    /// limited to Ash Grove.
    static func withTrust(_ backend: WebBackend, _ body: (WebFixture) async throws -> Void) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.recordHeld(id: ashID, school: "ash-grove")
            try await fixture.recordHeld(id: beechID, school: "beeches")
            try await fixture.database.addWebUser(
                WebUser(
                    name: "ash.it", role: .reviewer, passwordHash: try await fixture.app.hasher.hash(WebFixture.password),
                    createdAt: fixture.clock.now(), schools: ["ash-grove"]),
                actor: "test")
            try await body(fixture)
        }
    }

    @Test(arguments: WebBackend.allCases) func aLimitedReviewerSeesOnlyTheirSchoolOnEveryPage(backend: WebBackend) async throws {
        try await Self.withTrust(backend) { fixture in
            _ = try await fixture.database.rawMessageForViewing(decisionID: Self.beechID, viewer: "dpo", reason: "complaint", at: fixture.clock.now())
            try await fixture.test { client in
                let limited = try #require(try await client.signIn("ash.it").cookie)
                for page in ["/quarantine", "/log", "/audit", "/dashboard"] {
                    let response = try await client.get(page, cookie: limited)
                    #expect(response.status == .ok, "\(page)")
                    #expect(!response.body.contains(Self.beechID), "\(page) shows another school's decision")
                    #expect(!response.body.contains(WebFixture.heldID), "\(page) shows a decision of no school")
                }
                #expect(try await client.get("/quarantine", cookie: limited).body.contains(Self.ashID))
                #expect(try await client.get("/log", cookie: limited).body.contains(Self.ashID))
                #expect(try await client.get("/decisions/\(Self.ashID)", cookie: limited).status == .ok)
                // Someone of every school sees all three.
                let everyone = try #require(try await client.signIn("rita").cookie)
                let all = try await client.get("/quarantine", cookie: everyone).body
                #expect(all.contains(Self.ashID) && all.contains(Self.beechID) && all.contains(WebFixture.heldID))
                #expect(try await client.get("/audit", cookie: everyone).body.contains(Self.beechID))
            }
        }
    }

    @Test(arguments: WebBackend.allCases) func anotherSchoolsDecisionIsNotFoundToEveryPageAndAction(backend: WebBackend) async throws {
        try await Self.withTrust(backend) { fixture in
            try await fixture.test { client in
                let limited = try #require(try await client.signIn("ash.it").cookie)
                let token = try await client.csrf(limited)
                for id in [Self.beechID, Self.missingID] {
                    let page = try await client.get("/decisions/\(id)", cookie: limited)
                    #expect(page.status == .notFound, "\(id)")
                    for action in ["release", "delete", "false-positive", "original"] {
                        let response = try await client.post(
                            "/decisions/\(id)/\(action)", cookie: limited, form: [("csrf", token), ("reason", "tidying up")])
                        #expect(response.status == .notFound, "\(action) of \(id)")
                        #expect(!response.body.contains("Year 9 marks"))
                    }
                }
                // The same answer for another school's id as for one that does not exist.
                let other = try await client.get("/decisions/\(Self.beechID)", cookie: limited).body
                let missing = try await client.get("/decisions/\(Self.missingID)", cookie: limited).body
                #expect(other.replacingOccurrences(of: Self.beechID, with: "") == missing.replacingOccurrences(of: Self.missingID, with: ""))
                // A bulk action with both ids releases only the account's own school's.
                let bulk = try await client.post(
                    "/quarantine/bulk", cookie: limited,
                    form: [("csrf", token), ("id", Self.ashID), ("id", Self.beechID), ("action", "release"), ("reason", "checked")])
                #expect(bulk.status == .ok)
                #expect(bulk.body.contains("\(Self.ashID): released"))
                #expect(bulk.body.contains("\(Self.beechID): not done"))
            }
            #expect(try await fixture.database.decision(id: Self.beechID)?.quarantine?.state == .held)
            #expect(try await fixture.database.reviewEvents(decisionID: Self.beechID).isEmpty, "nothing done, nothing read")
            #expect(try await fixture.database.decision(id: Self.ashID)?.quarantine?.state == .released)
            #expect(await fixture.submitter.messages.count == 1)
        }
    }

    @Test(arguments: WebBackend.allCases) func removingTheLimitTakesEffectOnTheNextRequest(backend: WebBackend) async throws {
        try await Self.withTrust(backend) { fixture in
            try await fixture.test { client in
                let limited = try #require(try await client.signIn("ash.it").cookie)
                #expect(try await client.get("/decisions/\(Self.beechID)", cookie: limited).status == .notFound)
                try await fixture.database.setWebUserSchools(named: "ash.it", schools: [], actor: "cli", at: fixture.clock.now())
                #expect(try await client.get("/decisions/\(Self.beechID)", cookie: limited).status == .ok)
                try await fixture.database.setWebUserSchools(named: "ash.it", schools: ["beeches"], actor: "cli", at: fixture.clock.now())
                #expect(try await client.get("/decisions/\(Self.ashID)", cookie: limited).status == .notFound)
            }
        }
    }

    @Test(arguments: WebBackend.allCases) func anAdminLimitsANewAccountToTickedSchoolsOfTheConfiguration(backend: WebBackend) async throws {
        var ashGrove = Configuration()
        ashGrove.school.name = "Ash Grove Primary"
        let schools = [Configuration.SchoolEntry(id: "ash-grove", configuration: ashGrove)]
        try await WebFixture.with(backend, configure: { $0.schools = schools }) { fixture in
            try await fixture.test { client in
                let admin = try #require(try await client.signIn("adam").cookie)
                let page = try await client.get("/users", cookie: admin)
                #expect(page.body.contains("value=\"ash-grove\""), "the add form offers the configured schools")
                let token = try #require(page.csrfToken)
                let fields = [("csrf", token), ("role", "reviewer"), ("password", "a long enough passphrase")]
                let unknown = try await client.post("/users", cookie: admin, form: fields + [("name", "x.it"), ("school", "beeches")])
                #expect(unknown.status == .badRequest)
                let added = try await client.post("/users", cookie: admin, form: fields + [("name", "ash.it"), ("school", "ash-grove")])
                #expect(added.status == .ok)
                #expect(added.body.contains("<td>ash-grove</td>") && added.body.contains("<td>all schools</td>"))
            }
            #expect(try await fixture.database.webUser(named: "ash.it")?.schools == ["ash-grove"])
            #expect(try await fixture.database.webUser(named: "x.it") == nil)
            let notes = try await fixture.database.storeWideEvents(limit: 20).compactMap(\.detail)
            #expect(notes.contains("added ash.it as reviewer for schools ash-grove"))
        }
    }
}
