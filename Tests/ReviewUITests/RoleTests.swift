import Foundation
import HTTPTypes
import ReviewUI
import Store
import Testing

/// Each role sees and does exactly what issue 12 says: reviewers review, auditors read
/// (originals with a reason), admins manage accounts.
@Suite struct RoleTests {
    static let readPages = ["/quarantine", "/log", "/dashboard", "/audit", "/roster", "/decisions/\(WebFixture.heldID)"]
    static let reviewPosts = ["release", "delete", "false-positive"].map { "/decisions/\(WebFixture.heldID)/\($0)" } + ["/quarantine/bulk"]

    @Test func theRolesGrantExactlyTheirPermissions() {
        #expect(WebUser.Role.reviewer.permissions == [.ownSession, .read, .readOriginal, .review])
        #expect(WebUser.Role.auditor.permissions == [.ownSession, .read, .readOriginal])
        #expect(WebUser.Role.admin.permissions == [.ownSession, .manageUsers])
    }

    @Test(arguments: WebBackend.allCases) func anAuditorReadsEverythingButCannotChangeAnything(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let cookie = try #require(try await client.signIn("aud").cookie)
                for page in Self.readPages {
                    #expect(try await client.get(page, cookie: cookie).status == .ok, "\(page)")
                }
                #expect(try await client.get("/users", cookie: cookie).status == .forbidden)
                let token = try await client.csrf(cookie)
                for path in Self.reviewPosts {
                    let response = try await client.post(
                        path, cookie: cookie, form: [("csrf", token), ("reason", "x"), ("id", WebFixture.heldID), ("action", "release")])
                    #expect(response.status == .forbidden, "\(path)")
                }
                #expect(try await client.post("/users", cookie: cookie, form: [("csrf", token), ("name", "x"), ("role", "admin")]).status == .forbidden)
                // The decision page offers no review buttons to an auditor.
                let page = try await client.get("/decisions/\(WebFixture.heldID)", cookie: cookie)
                #expect(!page.body.contains("/release\""))
                #expect(page.body.contains("/original\""))
            }
            #expect(try await fixture.heldState() == .held)
            #expect(await fixture.submitter.messages.isEmpty)
        }
    }

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

    @Test(arguments: WebBackend.allCases) func aReviewerReleasesDeletesAndLabelsButCannotManageAccounts(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let cookie = try #require(try await client.signIn("rita").cookie)
                for page in Self.readPages {
                    #expect(try await client.get(page, cookie: cookie).status == .ok, "\(page)")
                }
                #expect(try await client.get("/users", cookie: cookie).status == .forbidden)
                let token = try await client.csrf(cookie)
                let noReason = try await client.post(
                    "/quarantine/bulk", cookie: cookie, form: [("csrf", token), ("id", WebFixture.heldID), ("action", "delete")])
                #expect(noReason.status == .badRequest)
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

    @Test(arguments: WebBackend.allCases) func anAdminManagesAccountsAndSeesNoMail(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let (cookie, response) = try await client.signIn("adam")
                let session = try #require(cookie)
                #expect(response.headers[.location] == "/users")
                for page in Self.readPages {
                    #expect(try await client.get(page, cookie: session).status == .forbidden, "\(page)")
                }
                let token = try await client.csrf(session, page: "/users")
                #expect(try await client.post(
                    "/decisions/\(WebFixture.heldID)/original", cookie: session, form: [("csrf", token), ("reason", "curious")]).status == .forbidden)
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
