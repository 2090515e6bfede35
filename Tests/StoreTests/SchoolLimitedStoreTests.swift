import ChaperoneModel
import Foundation
import Store
import Testing

/// A web account limited to some schools (`user add --school`), on both stores: its
/// lists, log, dashboard and audit trail hold only those schools' decisions (filtered in
/// the backend's query), and another school's decision is, to every read and action,
/// a decision that does not exist — and is left untouched.
@Suite struct SchoolLimitedStoreTests {
    static let ash = "CH-20261118-ASHGROVE"
    static let beech = "CH-20261118-BEECHES1"
    static let none = "CH-20261118-NOSCHOOL"

    /// Three held messages: one of Ash Grove, one of Beeches, one of no school.
    static func holdThree(_ store: StoreUnderTest) async throws {
        for (id, school) in [(ash, "ash-grove"), (beech, "beeches"), (none, nil)] as [(String, String?)] {
            var record = DecisionFixtures.record(id: id, action: .quarantine, sections: [.confidentiality])
            record.school = school
            try await store.decisions.recordQuarantine(record, rawMessage: DecisionFixtures.rawMessage + Array("\(id)\r\n".utf8))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func listsDashboardAndAuditHoldOnlyTheAccountsSchools(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await Self.holdThree(store)
            let ashOnly = SchoolLimitedStore(base: store.review, schools: ["ash-grove"])
            #expect(try await ashOnly.decisions(matching: DecisionFilter(quarantinedOnly: true)).map(\.decisionID) == [Self.ash])
            var beechFilter = DecisionFilter()
            beechFilter.schools = ["beeches"]
            #expect(try await ashOnly.decisions(matching: beechFilter).isEmpty, "a filter cannot widen the account's schools")
            #expect(try await store.review.decisions(matching: beechFilter).map(\.decisionID) == [Self.beech])
            #expect(try await store.review.decisions(matching: DecisionFilter()).count == 3)

            for id in [Self.ash, Self.beech, Self.none] {
                _ = try await store.review.rawMessageForViewing(decisionID: id, viewer: "dpo", reason: "check", at: DecisionFixtures.baseDate)
            }
            try await store.review.recordAuditNote(actor: "adam", detail: "signed out", at: DecisionFixtures.baseDate)
            let events = try await ashOnly.recentEvents(limit: 50, offset: 0, schools: nil)
            #expect(events.map(\.decisionID) == [Self.ash], "only Ash Grove's decision events, no store-wide notes")
            #expect(try await store.other.recentEvents(limit: 50, offset: 0, schools: nil).count == 4)
            #expect(try await ashOnly.storeWideEvents(limit: 50).isEmpty)

            let since = DecisionFixtures.baseDate.addingTimeInterval(-86_400)
            let figures = try await ashOnly.dashboardFigures(since: since, schools: nil)
            #expect(figures.perDayByAction.map(\.count) == [1])
            #expect(figures.rules.map(\.fired) == [1])
            let everything = try await store.other.dashboardFigures(since: since, schools: nil)
            #expect(everything.perDayByAction.map(\.count) == [3])
            let twoSchools = SchoolLimitedStore(base: store.other, schools: ["ash-grove", "beeches"])
            #expect(try await twoSchools.dashboardFigures(since: since, schools: nil).perDayByAction.map(\.count) == [2])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anotherSchoolsDecisionIsUnknownToEveryReadAndActionAndStaysHeld(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await Self.holdThree(store)
            let ashOnly = SchoolLimitedStore(base: store.review, schools: ["ash-grove"])
            let at = DecisionFixtures.baseDate
            for id in [Self.beech, Self.none, "CH-20261118-NOTTHERE"] {
                #expect(try await ashOnly.decision(id: id) == nil)
                await #expect(throws: StoreError.unknownDecision(id)) { try await ashOnly.reviewEvents(decisionID: id) }
                await #expect(throws: StoreError.unknownDecision(id)) { try await ashOnly.claim(decisionID: id, for: .release) }
                await #expect(throws: StoreError.unknownDecision(id)) {
                    try await ashOnly.deleteHeld(decisionID: id, actor: "it", reason: "r", at: at)
                }
                await #expect(throws: StoreError.unknownDecision(id)) {
                    try await ashOnly.markFalsePositive(decisionID: id, actor: "it", reason: "r", at: at)
                }
                await #expect(throws: StoreError.unknownDecision(id)) {
                    try await ashOnly.rawMessageForViewing(decisionID: id, viewer: "it", reason: "r", at: at)
                }
                await #expect(throws: StoreError.unknownDecision(id)) {
                    try await ashOnly.recoverClaim(decisionID: id, releaseWasDelivered: false, actor: "it", reason: "r", detail: nil, at: at)
                }
            }
            for id in [Self.beech, Self.none] {
                let untouched = try #require(try await store.other.decision(id: id))
                #expect(untouched.quarantine?.state == .held && untouched.quarantine?.hasStoredCopy == true && !untouched.falsePositive)
                #expect(try await store.other.reviewEvents(decisionID: id).isEmpty, "nothing was done or read, so nothing audited")
            }
            // Its own school's message: read, claimed and released as usual.
            #expect(try await ashOnly.decision(id: Self.ash)?.record.school == "ash-grove")
            let claim = try await ashOnly.claim(decisionID: Self.ash, for: .release)
            #expect(try await ashOnly.rawMessage(for: claim).count > DecisionFixtures.rawMessage.count)
            try await ashOnly.finish(claim, outcome: .releasedByReinjection, actor: "ash.it (web)", reason: "ok", detail: nil, at: at)
            #expect(try await store.other.decision(id: Self.ash)?.quarantine?.state == .released)
            await #expect(throws: StoreError.limitedToSchools(operation: "purge")) {
                try await ashOnly.purge(policy: RetentionPolicy(), now: at, actor: "it", dryRun: true)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anAccountsSchoolsAreStoredChangedAndAudited(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            let at = DecisionFixtures.baseDate
            var user = WebUserStoreTests.user("ash.it")
            user.schools = ["ash-grove", "beeches"]
            try await store.review.addWebUser(user, actor: "root (uid 0)")
            try await store.review.addWebUser(WebUserStoreTests.user("trust.it"), actor: "root (uid 0)")
            #expect(try await store.other.webUser(named: "ash.it")?.schools == ["ash-grove", "beeches"])
            #expect(try await store.other.webUser(named: "trust.it")?.schools == [])
            try await store.other.setWebUserSchools(named: "ASH.IT", schools: ["ash-grove"], actor: "adam (web)", at: at)
            #expect(try await store.review.webUsers().map(\.schools) == [["ash-grove"], []])
            try await store.other.setWebUserSchools(named: "ash.it", schools: [], actor: "adam (web)", at: at)
            #expect(try await store.review.webUser(named: "ash.it")?.schools == [])
            await #expect(throws: StoreError.unknownUser("nobody")) {
                try await store.review.setWebUserSchools(named: "nobody", schools: ["x"], actor: "t", at: at)
            }
            let details = try await store.review.storeWideEvents(limit: 10).compactMap(\.detail)
            #expect(details.contains("added ash.it as reviewer for schools ash-grove, beeches"))
            #expect(details.contains("limited ASH.IT to schools ash-grove"))
            #expect(details.contains("limited ash.it to all schools"))
        }
    }
}
