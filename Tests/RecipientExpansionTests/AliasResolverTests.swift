import ChaperoneModel
import RecipientExpansion
import Testing

/// The recursive expansion over in-memory tables: lists of lists, self-reference,
/// duplicates, loops, and the depth and fan-out limits.
@Suite struct AliasResolverTests {
    static let school = ["school.example"]

    func expand(_ recipients: [String], _ table: [String: [String]], depth: Int = 20, addresses: Int = 2000) throws -> RecipientExpansion {
        var settings = Configuration.Expansion()
        settings.maxDepth = depth
        settings.maxAddresses = addresses
        let expander = RecipientExpander(lookup: AliasTable(table), settings: settings, schoolDomains: Self.school)
        return try #require(try expander.expand(Envelope(sender: "t@school.example", recipients: recipients)).expansion)
    }

    @Test func aListOfListsReachesEveryMemberOnceNamingTheListWritten() throws {
        let expansion = try expand(["Governors@School.example", "head@school.example"], [
            "governors@school.example": ["chair@school.example", "parent-governors@school.example"],
            "parent-governors@school.example": ["j.doe@gmail.com", "chair@school.example"],
        ])
        #expect(expansion.recipients == [
            ExpandedRecipient(address: "chair@school.example", list: "Governors@School.example"),
            ExpandedRecipient(address: "j.doe@gmail.com", list: "Governors@School.example"),
            ExpandedRecipient(address: "head@school.example"),
        ])
        #expect(expansion.problems.isEmpty)
    }

    @Test func anAddressThatMapsToItselfIsDeliveredThereToo() throws {
        let expansion = try expand(["office@school.example"], ["office@school.example": ["office@school.example", "old.head@hotmail.com"]])
        #expect(expansion.recipients.map(\.address) == ["office@school.example", "old.head@hotmail.com"])
        #expect(expansion.recipients.first?.list == nil)
    }

    @Test func recipientsOutsideTheSchoolAreNotLookedUp() throws {
        let expansion = try expand(["friend@gmail.com"], ["friend@gmail.com": ["other@gmail.com"]])
        #expect(expansion.recipients == [ExpandedRecipient(address: "friend@gmail.com")])
    }

    @Test func aLoopIsStoppedAndReportedWithWhatItReaches() throws {
        let expansion = try expand(["a@school.example"], [
            "a@school.example": ["b@school.example", "x@gmail.com"],
            "b@school.example": ["a@school.example"],
        ])
        #expect(expansion.recipients == [ExpandedRecipient(address: "x@gmail.com", list: "a@school.example")])
        #expect(expansion.problems.count == 1)
        #expect(expansion.problems.first?.kind == .aliasLoop)
        #expect(expansion.problems.first?.message.contains("a@school.example → b@school.example → a@school.example") == true)
    }

    @Test func aPureLoopStillJudgesTheAddressWritten() throws {
        let expansion = try expand(["a@school.example"], ["a@school.example": ["b@school.example"], "b@school.example": ["a@school.example"]])
        #expect(expansion.recipients == [ExpandedRecipient(address: "a@school.example")])
        #expect(expansion.problems.map(\.kind) == [.aliasLoop])
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        var table: [String: [String]] = [:]
        for level in 0..<5 { table["l\(level)@school.example"] = ["l\(level + 1)@school.example"] }
        #expect(throws: ExpansionError.tooDeep(address: "l4@school.example", limit: 3)) {
            try expand(["l0@school.example"], table, depth: 3)
        }
        #expect(try expand(["l0@school.example"], table, depth: 5).recipients.map(\.address) == ["l5@school.example"])
    }

    @Test func fanOutBeyondTheLimitIsRefused() throws {
        let members = (0..<50).map { "m\($0)@gmail.com" }
        #expect(throws: ExpansionError.tooManyAddresses(limit: 20)) {
            try expand(["all@school.example"], ["all@school.example": members], addresses: 20)
        }
    }

    @Test func aFailedLookupIsAnErrorNotAGuess() throws {
        struct Broken: AliasLookup {
            func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]] {
                throw .lookupFailed(map: "ldap:/etc/postfix/ldap.cf", reason: "server down")
            }
        }
        let expander = RecipientExpander(lookup: Broken(), settings: Configuration.Expansion(), schoolDomains: Self.school)
        #expect(throws: ExpansionError.self) {
            try expander.expand(Envelope(sender: "", recipients: ["staff@school.example"]))
        }
    }

    @Test func theCacheAnswersRepeatLookupsAndExpires() throws {
        final class Counting: AliasLookup, @unchecked Sendable {
            var asked = 0
            func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]] {
                asked += addresses.count
                return ["list@school.example": ["a@gmail.com"]].filter { addresses.contains($0.key) }
            }
        }
        let inner = Counting()
        let cache = CachedAliasLookup(inner, seconds: 60, maxEntries: 10)
        _ = try cache.targets(of: ["list@school.example", "a@gmail.com"])
        #expect(try cache.targets(of: ["list@school.example", "a@gmail.com"]) == ["list@school.example": ["a@gmail.com"]])
        #expect(inner.asked == 2)
        #expect(cache.statistics.hits == 2)
        let uncached = CachedAliasLookup(inner, seconds: 0, maxEntries: 10)
        _ = try uncached.targets(of: ["list@school.example"])
        _ = try uncached.targets(of: ["list@school.example"])
        #expect(inner.asked == 4)
    }
}
