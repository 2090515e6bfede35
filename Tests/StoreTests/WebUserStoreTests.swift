import ChaperoneModel
import Foundation
import Store
import Testing

/// The web app's accounts (migration v3-users) on both stores, seen from two openings
/// (two web hosts): unique names, lockout counting, password changes that clear a
/// lockout, and every change in the audit trail.
@Suite struct WebUserStoreTests {
    static func user(_ name: String, role: WebUser.Role = .reviewer) -> WebUser {
        WebUser(name: name, role: role, passwordHash: "$2b$04$notarealhashnotarealhashnotarealhashnotarealhashnota", createdAt: DecisionFixtures.baseDate)
    }

    @Test(arguments: StoreBackend.allCases)
    func accountsAreUniqueByNameWhateverTheCase(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            let database = store.review
            try await database.addWebUser(Self.user("Alice"), actor: "root (uid 0)")
            await #expect(throws: StoreError.userExists("alice")) {
                try await store.other.addWebUser(Self.user("alice"), actor: "root (uid 0)")
            }
            #expect(try await store.other.webUser(named: "ALICE")?.name == "Alice")
            try await database.addWebUser(Self.user("bob"), actor: "root (uid 0)")
            try await database.addWebUser(Self.user("Carol"), actor: "root (uid 0)")
            #expect(try await store.other.webUsers().map(\.name) == ["Alice", "bob", "Carol"])
            let events = try await store.other.storeWideEvents(limit: 10)
            #expect(events.contains { $0.actor == "root (uid 0)" && $0.detail == "added Alice as reviewer" })
            #expect(events.first?.detail == "added Carol as reviewer", "newest first")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func failuresLockAnAccountAndANewPasswordUnlocksIt(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            let database = store.review
            try await database.addWebUser(Self.user("bob"), actor: "test")
            let now = DecisionFixtures.baseDate
            // Failures counted by two web hosts add up.
            for attempt in 1...2 {
                let host = attempt == 1 ? store.review : store.other
                let after = try await host.recordFailedLogin(named: "bob", threshold: 3, lockout: 900, at: now)
                #expect(after?.failedLogins == attempt)
                #expect(after?.lockedUntil == nil)
            }
            let locked = try await database.recordFailedLogin(named: "BOB", threshold: 3, lockout: 900, at: now)
            #expect(locked?.lockedUntil == now.addingTimeInterval(900))
            #expect(locked?.failedLogins == 0)
            #expect(try await store.other.webUser(named: "bob")?.lockedUntil == now.addingTimeInterval(900))
            #expect(try await database.recordFailedLogin(named: "nobody", threshold: 3, lockout: 900, at: now) == nil)
            try await store.other.setWebUserPassword(named: "bob", passwordHash: "$2b$04$other", actor: "admin (web)", at: now)
            let reset = try #require(try await database.webUser(named: "bob"))
            #expect(reset.lockedUntil == nil && reset.failedLogins == 0 && reset.passwordHash == "$2b$04$other")
            #expect(reset.passwordChangedAt == now)
            await #expect(throws: StoreError.unknownUser("carol")) {
                try await database.setWebUserDisabled(named: "carol", disabled: true, actor: "test", at: now)
            }
            await #expect(throws: StoreError.unknownUser("carol")) {
                try await database.recordSuccessfulLogin(named: "carol", clientAddress: "192.0.2.1", at: now)
            }
            try await database.setWebUserDisabled(named: "bob", disabled: true, actor: "test", at: now)
            #expect(try await store.other.webUser(named: "bob")?.disabled == true)
            _ = try await database.recordFailedLogin(named: "bob", threshold: 3, lockout: 900, at: now)
            try await database.setWebUserDisabled(named: "bob", disabled: false, actor: "test", at: now)
            let enabled = try #require(try await store.other.webUser(named: "bob"))
            #expect(!enabled.disabled && enabled.failedLogins == 0 && enabled.lockedUntil == nil)
            try await database.recordSuccessfulLogin(named: "bob", clientAddress: "192.0.2.1", at: now.addingTimeInterval(5))
            #expect(try await store.other.webUser(named: "bob")?.lastLoginAt == now.addingTimeInterval(5))
            try await database.recordAuditNote(actor: "bob", detail: "signed out", at: now.addingTimeInterval(6))
            let details = try await store.other.storeWideEvents(limit: 10).compactMap(\.detail)
            #expect(details == [
                "signed out", "signed in from 192.0.2.1", "enabled bob", "disabled bob", "changed the password of bob",
                "locked bob after 3 failed sign-ins", "added bob as reviewer",
            ])
            let recent = try await store.other.recentEvents(limit: 2, offset: 1, schools: nil)
            #expect(recent.compactMap(\.detail) == ["signed in from 192.0.2.1", "enabled bob"])
        }
    }

    @Test func namesAreCheckedBeforeTheyReachTheAuditTrail() {
        #expect(WebUser.isValidName("it.tech@school"))
        #expect(!WebUser.isValidName(""))
        #expect(!WebUser.isValidName("a b"))
        #expect(!WebUser.isValidName("x/../y"))
        #expect(!WebUser.isValidName(String(repeating: "a", count: 65)))
    }
}

/// The dashboard's figures from real rows, the same from both stores.
@Suite struct DashboardFiguresTests {
    @Test(arguments: StoreBackend.allCases)
    func countsPerDayPerSectionPerRuleAndTheMedianReviewTime(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            let database = store.review
            let day = DecisionFixtures.baseDate  // Wednesday 2026-11-18, 11:06 UTC
            try await store.decisions.record(DecisionFixtures.record(id: "CH-D-1", decidedAt: day))
            try await store.decisions.record(DecisionFixtures.record(id: "CH-D-2", action: .tag, sections: [.confidentiality], decidedAt: day))
            // A Sunday and the Monday after: SQLite's %W starts a week on Monday.
            try await store.decisions.record(
                DecisionFixtures.record(id: "CH-D-3", action: .reject, sections: [.confidentiality], decidedAt: day.addingTimeInterval(4 * 86_400)))
            try await store.decisions.record(
                DecisionFixtures.record(id: "CH-D-4", action: .reject, sections: [.confidentiality], decidedAt: day.addingTimeInterval(5 * 86_400)))
            for (index, minutes) in [10.0, 30.0, 50.0].enumerated() {
                let id = "CH-Q-\(index)"
                var raw = DecisionFixtures.rawMessage
                raw += Array("\(id)\r\n".utf8)
                try await store.decisions.recordQuarantine(
                    DecisionFixtures.record(id: id, action: .quarantine, sections: [.unacceptableUse], decidedAt: day), rawMessage: raw)
                try await database.deleteHeld(decisionID: id, actor: "it", reason: "r", at: day.addingTimeInterval(minutes * 60))
            }
            try await database.markFalsePositive(decisionID: "CH-Q-0", actor: "it", reason: "class list", at: day)
            let figures = try await store.other.dashboardFigures(since: day.addingTimeInterval(-86_400), schools: nil)
            #expect(figures.perDayByAction.contains { $0.period == "2026-11-18" && $0.key == "quarantine" && $0.count == 3 })
            #expect(figures.perDayByAction.contains { $0.period == "2026-11-18" && $0.key == "accept" && $0.count == 1 })
            #expect(figures.perDayByAction.contains { $0.period == "2026-11-22" && $0.key == "reject" && $0.count == 1 })
            #expect(
                figures.perWeekBySection == [
                    DashboardFigures.Count(period: "2026-W46", key: "7.2", count: 3), DashboardFigures.Count(period: "2026-W46", key: "8", count: 2),
                    DashboardFigures.Count(period: "2026-W47", key: "8", count: 1),
                ], "\(figures.perWeekBySection)")
            let unacceptable = try #require(figures.rules.first { $0.section == "7.2" })
            #expect(unacceptable.fired == 3 && unacceptable.reviewed == 3 && unacceptable.falsePositives == 1)
            #expect(figures.rules.map(\.section) == ["7.2", "8"], "most fired first, then by section")
            #expect(figures.reviewedCount == 3)
            #expect(abs((figures.medianReviewSeconds ?? 0) - 1_800) < 1)
            let none = try await database.dashboardFigures(since: day.addingTimeInterval(10 * 86_400), schools: nil)
            #expect(none.medianReviewSeconds == nil && none.rules.isEmpty)
        }
    }

    @Test func listsFilterByRecipientClassAndPage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertDecisions((0..<5).map { index in
            DecisionFixtures.record(id: "CH-P-\(index)", decidedAt: DecisionFixtures.baseDate.addingTimeInterval(Double(index)))
        })
        var filter = DecisionFilter(limit: 2)
        filter.offset = 2
        #expect(try await database.decisions(matching: filter).map(\.decisionID) == ["CH-P-2", "CH-P-1"])
        filter = DecisionFilter()
        filter.recipientClass = .personal
        #expect(try await database.decisions(matching: filter).count == 5)
        filter.recipientClass = .parent
        #expect(try await database.decisions(matching: filter).isEmpty)
    }
}
