@testable import ChaperoneModel
import SeededRandom
import Testing

/// `KnownAddressFilter` never rules out an address a roster's tables would find, nor a
/// domain that is one of its domains or a subdomain of one, on generated rosters whose
/// addresses mix case, non-ASCII and the characters whose canonical form is ASCII; and
/// it rules out most of what no roster knows (else it would save nothing).
@Suite struct KnownAddressFilterTests {
    static let pieces = ["ann", "Owl", ".", "x", "SCH", "k", "K", "-", "+", "9", "\u{212A}", "\u{037E}", "\u{1FEF}", "É", "é", "e\u{301}", "ß", "İ", "日本"]

    static func address(_ generator: inout SplitMix64) -> String {
        var local = ""
        for _ in 0..<Int.random(in: 1...5, using: &generator) { local += pieces.randomElement(using: &generator)! }
        let domains = ["school.example", "PUPILS.school.example", "gmail.com", "Example.ORG", "例え.jp"]
        return local + "@" + domains.randomElement(using: &generator)!
    }

    static func roster(_ generator: inout SplitMix64, school: Int) -> Roster {
        var students: [Student] = [], contacts: [Contact] = [], staff: [StaffMember] = []
        for index in 0..<60 {
            let key = "S\(school)-\(index)"
            students.append(Student(key: key, legalForename: "A", surname: "B", schoolEmail: address(&generator),
                                    personalEmails: index % 3 == 0 ? [address(&generator)] : [], contactKeys: ["C\(school)-\(index)"]))
            contacts.append(Contact(key: "C\(school)-\(index)", name: "C", emails: [address(&generator), address(&generator)], pupilKeys: [key]))
            if index % 4 == 0 { staff.append(StaffMember(email: "t\(index)@school.example", name: "T", personalEmails: [address(&generator)])) }
        }
        return Roster(students: students, contacts: contacts, staff: staff)
    }

    static func knows(_ rosters: [Roster], _ address: String) -> Bool {
        rosters.contains { roster in
            !roster.pupilKeys(ofAddress: address).isEmpty || !roster.contactKeys(ofAddress: address).isEmpty
                || roster.staffByPersonalEmail[address] != nil
        }
    }

    @Test func noAddressARosterKnowsIsRuledOut() {
        var generator = SplitMix64(state: 41)
        let rosters = (0..<3).map { Self.roster(&generator, school: $0) }
        let filter = KnownAddressFilter(rosters)
        var stored: [String] = []
        for roster in rosters {
            roster.pupilsByEmail.forEach { address, _ in stored.append(address) }
            roster.contactsByEmail.forEach { address, _ in stored.append(address) }
            stored += Array(roster.staffByPersonalEmail.keys)
        }
        #expect(stored.count > 300)
        // Every stored address, as given and as a caller lower-cases it, and as its
        // canonically equal spellings (Kelvin sign and K, é and e + combining acute).
        var probes = stored.flatMap { [$0, $0.lowercased(), $0.uppercased().lowercased()] }
        probes += stored.map { $0.replacingOccurrences(of: "\u{212A}", with: "K").lowercased() }
        probes += stored.map { $0.replacingOccurrences(of: "k", with: "\u{212A}") }
        probes += stored.map { $0.replacingOccurrences(of: "é", with: "e\u{301}") }
        probes += (0..<5_000).map { _ in Self.address(&generator).lowercased() }
        var known = 0
        for probe in probes where Self.knows(rosters, probe) {
            known += 1
            #expect(filter.mayKnow(probe), "\(probe.debugDescription) is on a roster but the filter rules it out")
        }
        #expect(known > 1_000)
        // The single-list form holds what it is given.
        let listed = KnownAddressFilter(addresses: stored.map { $0.lowercased() })
        for address in stored { #expect(listed.mayKnow(address.lowercased())) }
    }

    @Test func mostUnknownAddressesAreRuledOut() {
        var generator = SplitMix64(state: 42)
        let rosters = (0..<3).map { Self.roster(&generator, school: $0) }
        let filter = KnownAddressFilter(rosters)
        let unknown = (0..<10_000).map { "club\($0)@league\($0 % 7).example" }.filter { !Self.knows(rosters, $0) }
        let passed = unknown.filter(filter.mayKnow).count
        #expect(passed * 100 < unknown.count * 8, "\(passed) of \(unknown.count) unknown addresses pass the filter")
        // An address that is not ASCII always may be known.
        #expect(filter.mayKnow("zoë@club.example"))
    }

    @Test func everyDomainAndSubdomainMayBeOne() {
        let domains = ["school.example", "pupils.school.example", "leeds.gov.uk", "nhs.net", "a.b.c.d.example"]
        let filter = KnownAddressFilter([], domains: domains)
        for domain in domains {
            #expect(filter.mayBeOnDomain(domain))
            #expect(filter.mayBeOnDomain("mail." + domain))
            #expect(filter.mayBeOnDomain("x.y.z." + domain))
        }
        var passed = 0
        let others = (0..<2_000).map { "club\($0).league\($0)" } + ["example", "gov.uk", "net", "school.example.org", "xschool.example", "hs.net"]
        for other in others where filter.mayBeOnDomain(other) { passed += 1 }
        #expect(passed * 100 < others.count * 12, "\(passed) of \(others.count) other domains pass")
        // A domain that is not ASCII may always be one; a configured one that is not
        // ASCII makes every domain a candidate.
        #expect(filter.mayBeOnDomain("例え.jp"))
        let wide = KnownAddressFilter([], domains: ["例え.jp", "school.example"])
        #expect(wide.mayBeOnDomain("club.example.org"))
    }
}
