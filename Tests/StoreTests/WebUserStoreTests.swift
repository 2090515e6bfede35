import ChaperoneModel
import Foundation
import Store
import Testing

/// The web app's accounts (migration v3-users): unique names, lockout counting,
/// password changes that clear a lockout, and every change in the audit trail.
@Suite struct WebUserStoreTests {
    static func user(_ name: String, role: WebUser.Role = .reviewer) -> WebUser {
        WebUser(name: name, role: role, passwordHash: "$2b$04$notarealhashnotarealhashnotarealhashnotarealhashnota", createdAt: DecisionFixtures.baseDate)
    }

    @Test func accountsAreUniqueByNameWhateverTheCase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.addWebUser(Self.user("Alice"), actor: "root (uid 0)")
        await #expect(throws: StoreError.userExists("alice")) {
            try await database.addWebUser(Self.user("alice"), actor: "root (uid 0)")
        }
        #expect(try await database.webUser(named: "ALICE")?.name == "Alice")
        #expect(try await database.webUsers().map(\.name) == ["Alice"])
        let events = try await database.storeWideEvents(limit: 10)
        #expect(events.contains { $0.actor == "root (uid 0)" && $0.detail == "added Alice as reviewer" })
    }

    @Test func failuresLockAnAccountAndANewPasswordUnlocksIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.addWebUser(Self.user("bob"), actor: "test")
        let now = DecisionFixtures.baseDate
        for attempt in 1...2 {
            let after = try await database.recordFailedLogin(named: "bob", threshold: 3, lockout: 900, at: now)
            #expect(after?.failedLogins == attempt)
            #expect(after?.lockedUntil == nil)
        }
        let locked = try await database.recordFailedLogin(named: "bob", threshold: 3, lockout: 900, at: now)
        #expect(locked?.lockedUntil == now.addingTimeInterval(900))
        #expect(try await database.recordFailedLogin(named: "nobody", threshold: 3, lockout: 900, at: now) == nil)
        try await database.setWebUserPassword(named: "bob", passwordHash: "$2b$04$other", actor: "admin (web)", at: now)
        let reset = try #require(try await database.webUser(named: "bob"))
        #expect(reset.lockedUntil == nil && reset.failedLogins == 0 && reset.passwordHash == "$2b$04$other")
        await #expect(throws: StoreError.unknownUser("carol")) {
            try await database.setWebUserDisabled(named: "carol", disabled: true, actor: "test")
        }
        let details = try await database.storeWideEvents(limit: 10).compactMap(\.detail)
        #expect(details.contains("locked bob after 3 failed sign-ins"))
        #expect(details.contains("changed the password of bob"))
    }

    @Test func namesAreCheckedBeforeTheyReachTheAuditTrail() {
        #expect(WebUser.isValidName("it.tech@school"))
        #expect(!WebUser.isValidName(""))
        #expect(!WebUser.isValidName("a b"))
        #expect(!WebUser.isValidName("x/../y"))
        #expect(!WebUser.isValidName(String(repeating: "a", count: 65)))
    }
}

/// The dashboard's figures from real rows.
@Suite struct DashboardFiguresTests {
    @Test func countsPerDayPerSectionPerRuleAndTheMedianReviewTime() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let day = DecisionFixtures.baseDate  // 2026-11-18, 06:13 UTC
        try await database.insertDecisions([
            DecisionFixtures.record(id: "CH-D-1", decidedAt: day),
            DecisionFixtures.record(id: "CH-D-2", action: .tag, sections: [.confidentiality], decidedAt: day),
        ])
        for (index, minutes) in [10.0, 30.0, 50.0].enumerated() {
            let id = "CH-Q-\(index)"
            try await database.insertQuarantine(
                DecisionFixtures.record(id: id, action: .quarantine, sections: [.unacceptableUse], decidedAt: day),
                rawMessage: DecisionFixtures.rawMessage)
            try await database.deleteHeld(decisionID: id, actor: "it", reason: "r", at: day.addingTimeInterval(minutes * 60))
        }
        try await database.markFalsePositive(decisionID: "CH-Q-0", actor: "it", reason: "class list", at: day)
        let figures = try await database.dashboardFigures(since: day.addingTimeInterval(-86_400))
        #expect(figures.perDayByAction.contains { $0.period == "2026-11-18" && $0.key == "quarantine" && $0.count == 3 })
        #expect(figures.perDayByAction.contains { $0.period == "2026-11-18" && $0.key == "accept" && $0.count == 1 })
        #expect(figures.perWeekBySection.reduce(0) { $0 + $1.count } == 4)
        let unacceptable = try #require(figures.rules.first { $0.section == "7.2" })
        #expect(unacceptable.fired == 3 && unacceptable.reviewed == 3 && unacceptable.falsePositives == 1)
        #expect(figures.rules.first?.section == "7.2")
        #expect(figures.reviewedCount == 3)
        #expect(abs((figures.medianReviewSeconds ?? 0) - 1_800) < 1)
        let none = try await database.dashboardFigures(since: day.addingTimeInterval(86_400))
        #expect(none.medianReviewSeconds == nil && none.rules.isEmpty)
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
