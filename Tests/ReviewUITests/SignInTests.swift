import Foundation
import HTTPTypes
import ReviewUI
import Store
import Testing

/// Sign-in limits and session expiry, on the fixture's movable clock.
@Suite struct SignInTests {
    @Test(arguments: WebBackend.allCases) func anAccountLocksAfterRepeatedFailuresAndUnlocksAfterTheLockout(backend: WebBackend) async throws {
        try await WebFixture.with(backend, configure: { $0.web.lockoutFailures = 3; $0.web.lockoutMinutes = 15 }) { fixture in
            try await fixture.test { client in
                for _ in 0..<3 {
                    let (cookie, response) = try await client.signIn("rita", password: "wrong password here")
                    #expect(cookie == nil)
                    #expect(response.status == .unauthorized)
                }
                // Locked: the right password is refused too, with the same message.
                let (locked, response) = try await client.signIn("rita")
                #expect(locked == nil)
                #expect(response.body.contains("Sign-in failed"))
                #expect(try await fixture.database.webUser(named: "rita")?.lockedUntil != nil)
                // Another account is not affected.
                #expect(try await client.signIn("aud").cookie != nil)
                fixture.clock.advance(16 * 60)
                #expect(try await client.signIn("rita").cookie != nil)
            }
            let notes = try await fixture.database.storeWideEvents(limit: 50).compactMap(\.detail)
            #expect(notes.contains { $0.contains("locked rita after 3 failed sign-ins") })
        }
    }

    /// Over a real loopback socket (HummingbirdTesting `.live`), so the limit counts the
    /// peer's address as the server sees it.
    @Test(arguments: WebBackend.allCases) func oneClientAddressIsStoppedAfterTooManyFailuresAcrossAccounts(backend: WebBackend) async throws {
        try await WebFixture.with(backend, configure: { $0.web.addressFailureLimit = 4; $0.web.lockoutFailures = 100 }) { fixture in
            try await fixture.test(.live) { client in
                for name in ["rita", "aud", "adam", "nobody"] {
                    #expect(try await client.signIn(name, password: "wrong password here").cookie == nil)
                }
                let (cookie, response) = try await client.signIn("rita")
                #expect(cookie == nil)
                #expect(response.status == .tooManyRequests)
                // Each account is still below its own limit: the address is what stopped it.
                #expect(try await fixture.database.webUser(named: "rita")?.lockedUntil == nil)
                fixture.clock.advance(16 * 60)
                #expect(try await client.signIn("rita").cookie != nil)
            }
            let notes = try await fixture.database.storeWideEvents(limit: 50).compactMap(\.detail)
            #expect(notes.contains { $0 == "signed in from 127.0.0.1" || $0 == "signed in from ::1" }, "\(notes)")
        }
    }

    @Test(arguments: WebBackend.allCases) func anUnknownOrDisabledAccountFailsLikeAWrongPassword(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.database.setWebUserDisabled(named: "aud", disabled: true, actor: "test", at: fixture.clock.now())
            try await fixture.test { client in
                let unknown = try await client.signIn("nobody")
                let disabled = try await client.signIn("aud")
                let wrong = try await client.signIn("rita", password: "not the password")
                #expect(unknown.cookie == nil && disabled.cookie == nil && wrong.cookie == nil)
                #expect(unknown.response.status == wrong.response.status)
                #expect(disabled.response.status == wrong.response.status)
            }
        }
    }

    @Test(arguments: WebBackend.allCases) func aSessionEndsAfterItsIdleAndItsAbsoluteLimit(backend: WebBackend) async throws {
        try await WebFixture.with(backend, configure: { $0.web.sessionIdleMinutes = 30; $0.web.sessionAbsoluteHours = 2 }) { fixture in
            try await fixture.test { client in
                let idle = try #require(try await client.signIn("rita").cookie)
                fixture.clock.advance(31 * 60)
                #expect(try await client.get("/quarantine", cookie: idle).status == .seeOther)
                let busy = try #require(try await client.signIn("rita").cookie)
                for _ in 0..<4 {  // 1 h 40 min of steady use
                    fixture.clock.advance(25 * 60)
                    #expect(try await client.get("/quarantine", cookie: busy).status == .ok)
                }
                fixture.clock.advance(25 * 60)  // 2 h 5 min after sign-in, never idle for 30
                #expect(try await client.get("/quarantine", cookie: busy).status == .seeOther)
            }
        }
    }

    @Test(arguments: WebBackend.allCases) func signingOutEndsTheSessionAndDisablingAnAccountEndsItsSessions(backend: WebBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            try await fixture.test { client in
                let cookie = try #require(try await client.signIn("rita").cookie)
                let token = try await client.csrf(cookie)
                #expect(try await client.post("/logout", cookie: cookie, form: [("csrf", token)]).status == .seeOther)
                #expect(try await client.get("/quarantine", cookie: cookie).status == .seeOther)
                let auditor = try #require(try await client.signIn("aud").cookie)
                try await fixture.database.setWebUserDisabled(named: "aud", disabled: true, actor: "cli", at: fixture.clock.now())
                #expect(try await client.get("/quarantine", cookie: auditor).status == .seeOther)
                // A new password (from the CLI, say) ends the sessions signed in with the old one.
                let reviewer = try #require(try await client.signIn("rita").cookie)
                fixture.clock.advance(60)
                try await fixture.database.setWebUserPassword(
                    named: "rita", passwordHash: "$2b$04$unusedunusedunusedunuseduuunusedunusedunusedunusedunu", actor: "cli",
                    at: fixture.clock.now())
                #expect(try await client.get("/quarantine", cookie: reviewer).status == .seeOther)
            }
        }
    }
}
