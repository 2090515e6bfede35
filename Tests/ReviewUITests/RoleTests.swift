import Foundation
import HTTPTypes
import ReviewUI
import Store
import Testing

/// What the role matrix (`RoleMatrixTests`) does not show: the reason an original
/// needs, bulk actions' reasons, and the account rules of the users page; on both stores.
@Suite struct RoleTests {
    @Test(arguments: WebBackend.allCases) func openingAnOriginalNeedsAReasonIsAuditedAndShowsTextNotHTML(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let cookie = try #require(try await client.signIn("aud").cookie)
                let token = try await client.csrf(cookie)
                let path = "/decisions/\(WebFixture.heldID)/original"
                #expect(try await client.post(path, cookie: cookie, form: [("csrf", token)]).status == .badRequest)
                let original = try await client.post(path, cookie: cookie, form: [("csrf", token), ("reason", "DSL check of a complaint")])
                #expect(original.status == .ok)
                #expect(original.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!original.body.contains("<script>"))
                #expect(original.body.contains("text/html"))  // the parts table
            }
            let events = try await fixture.database.reviewEvents(decisionID: WebFixture.heldID)
            #expect(events.contains { $0.kind == .viewedRaw && $0.actor == "aud (web)" && $0.reason == "DSL check of a complaint" })
        }
    }

    @Test(arguments: WebBackend.allCases) func aBulkActionNeedsAReasonAndAFalsePositiveIsReleased(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let cookie = try #require(try await client.signIn("rita").cookie)
                let token = try await client.csrf(cookie)
                let noReason = try await client.post(
                    "/quarantine/bulk", cookie: cookie, form: [("csrf", token), ("id", WebFixture.heldID), ("action", "delete")])
                #expect(noReason.status == .badRequest)
                #expect(try await fixture.heldState() == .held)
                let bulk = try await client.post(
                    "/quarantine/bulk", cookie: cookie,
                    form: [("csrf", token), ("id", WebFixture.heldID), ("action", "false-positive"), ("reason", "a class list, not pupil data")])
                #expect(bulk.status == .ok)
                #expect(bulk.body.contains("labelled a false positive and released"))
            }
            let decision = try #require(try await fixture.database.decision(id: WebFixture.heldID))
            #expect(decision.falsePositive)
            #expect(decision.quarantine?.state == .released)
            #expect(await fixture.submitter.messages.count == 1)
        }
    }

    @Test(arguments: WebBackend.allCases) func anAdminAddsAndDisablesAccountsWithinTheRules(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let (cookie, response) = try await client.signIn("adam")
                let session = try #require(cookie)
                #expect(response.headers[.location] == "/users")
                let token = try await client.csrf(session, page: "/users")
                let short = try await client.post(
                    "/users", cookie: session, form: [("csrf", token), ("name", "dpo"), ("role", "auditor"), ("password", "short")])
                #expect(short.status == .badRequest)
                let added = try await client.post(
                    "/users", cookie: session, form: [("csrf", token), ("name", "dpo"), ("role", "auditor"), ("password", "a long enough passphrase")])
                #expect(added.status == .ok)
                #expect(try await client.signIn("dpo", password: "a long enough passphrase").cookie != nil)
                #expect(try await client.post("/users/adam/disable", cookie: session, form: [("csrf", token)]).status == .badRequest)
                #expect(try await client.post("/users/dpo/disable", cookie: session, form: [("csrf", token)]).status == .ok)
                #expect(try await client.signIn("dpo", password: "a long enough passphrase").cookie == nil)
            }
            #expect(try await fixture.database.webUser(named: "dpo")?.role == .auditor)
            let notes = try await fixture.database.storeWideEvents(limit: 50)
            #expect(notes.contains { $0.actor == "adam (web)" && $0.detail == "added dpo as auditor" })
            #expect(try await fixture.heldState() == .held)
        }
    }
}
