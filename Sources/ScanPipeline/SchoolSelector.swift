import Dispatch
import ChaperoneModel
import Policy

/// Chooses which school of a trust a message belongs to, from the envelope alone, with
/// hash lookups only (the cost does not grow with the number of pupils, and only a bare
/// login that is not the sender's own local part asks each school in turn):
///
/// 1. the authenticated login (`{auth_authen}`, not in gateway mode): an address on a
///    school's staff list or roster, a bare login that is the local part of exactly one
///    school's account, or an address on a school's domain;
/// 2. the envelope sender: an account as above, or its domain (the longest configured
///    domain it is on);
/// 3. mail from no school: the one school its recipients belong to (inbound mail, which
///    that school's `scope.inbound` decides);
/// 4. otherwise `unknown_school`: nil (the fail action), or the named school.
public struct SchoolSelector: Sendable {
    /// The school chosen and why, in words a technician can act on (no content).
    public struct Choice: Hashable, Sendable {
        /// Index into the schools; nil when none applies and `unknown_school: fail`.
        public var school: Int?
        /// The schools the recipients belong to, when the sender belongs to none.
        public var recipientSchools: [Int]
        public var reason: String
    }

    /// One school as the selector needs it.
    public struct Member: Sendable {
        public var id: String
        public var domains: [String]
        public var roster: Roster
        public init(id: String, domains: [String], roster: Roster) {
            self.id = id
            self.domains = domains
            self.roster = roster
        }
    }

    let ids: [String]
    /// Lower-cased staff and pupil school addresses → school.
    let accounts: [String: Int]
    /// A filter of `accounts`' addresses, read before it: the map is the whole trust's
    /// (hundreds of thousands of addresses) and cold for most senders, the filter small.
    let accountFilter: KnownAddressFilter
    /// Each school's local parts of those addresses, in school order: a bare login is a
    /// school's when exactly one school has it (asked only for a login that is not the
    /// sender's own local part, so it is kept per school rather than merged at start-up).
    let localParts: [Set<String>]
    /// Lower-cased domain → school.
    let domains: [String: Int]
    let fallback: Int?
    let ignoresLogin: Bool

    public init(members: [Member], unknownSchool: Configuration.UnknownSchool, isGateway: Bool) {
        // Each school's addresses are read and lower-cased, and its local parts collected, on
        // every core; the address map is then filled in school order, so a later school still
        // wins an address shared with an earlier one, and only its hashing is serial.
        let perSchool = ResultSlots<(addresses: [String], localParts: Set<String>)>(count: members.count)
        DispatchQueue.concurrentPerform(iterations: members.count) { index in
            let addresses = Self.accountAddresses(of: members[index].roster)
            perSchool[index] = (addresses, Set(addresses.compactMap(Self.localPart)))
        }
        let schools = perSchool.values
        var accounts = [String: Int](minimumCapacity: schools.reduce(0) { $0 + $1.addresses.count })
        var domains: [String: Int] = [:]
        for (index, member) in members.enumerated() {
            for domain in member.domains { domains[domain.lowercased()] = index }
            for address in schools[index].addresses { accounts[address] = index }
        }
        self.ids = members.map(\.id)
        self.accounts = accounts
        self.accountFilter = KnownAddressFilter(addresses: schools.flatMap(\.addresses))
        self.localParts = schools.map(\.localParts)
        self.domains = domains
        if case .school(let id) = unknownSchool { fallback = members.firstIndex { $0.id == id } } else { fallback = nil }
        ignoresLogin = isGateway
    }

    /// The part of an address before its last "@", or nil without one.
    static func localPart(_ address: String) -> String? {
        let utf8 = address.utf8
        guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        return String(Substring(utf8[..<at]))
    }

    /// A school's staff addresses and its pupils' school addresses, lower-cased.
    static func accountAddresses(of roster: Roster) -> [String] {
        var addresses = Array(roster.staffByEmail.keys)
        addresses.reserveCapacity(addresses.count + roster.students.count)
        for position in roster.students.indices {
            if let address = roster.students.string(.schoolEmail, at: position) { addresses.append(address.lowercased()) }
        }
        return addresses
    }

    public func choose(_ envelope: Envelope) -> Choice {
        let sender = RecipientClassifier.normalise(envelope.sender)
        if !ignoresLogin, let login = envelope.authenticatedUser?.trimmingCharacters(in: .whitespaces).lowercased(), !login.isEmpty,
           let school = school(ofLogin: login, sender: sender) {
            return Choice(school: school, recipientSchools: [], reason: "school \(ids[school]): the authenticated login is its account or on its domain")
        }
        if let school = school(ofAddress: sender) {
            return Choice(school: school, recipientSchools: [], reason: "school \(ids[school]): the envelope sender is its account or on its domain")
        }
        var recipientSchools: [Int] = []
        for recipient in envelope.judgedRecipients {
            if let school = school(ofAddress: RecipientClassifier.normalise(recipient.address)), !recipientSchools.contains(school) {
                recipientSchools.append(school)
            }
        }
        if recipientSchools.count == 1, let only = recipientSchools.first {
            return Choice(school: only, recipientSchools: recipientSchools,
                          reason: "school \(ids[only]): the sender belongs to no school and \(ids[only]) is the only school among the recipients")
        }
        let whose = recipientSchools.isEmpty ? "none of the recipients either" : "the recipients belong to \(recipientSchools.count) schools"
        guard let fallback else {
            return Choice(school: nil, recipientSchools: recipientSchools,
                          reason: "the sender belongs to no configured school and \(whose) (unknown_school: fail)")
        }
        return Choice(school: fallback, recipientSchools: recipientSchools,
                      reason: "school \(ids[fallback]): the sender belongs to no configured school and \(whose) (unknown_school: \(ids[fallback]))")
    }

    /// The school of a login: an address, or a bare name (the envelope sender's local
    /// part, or the local part of one school's account).
    func school(ofLogin login: String, sender: String) -> Int? {
        if login.contains("@") { return school(ofAddress: login) }
        if let at = sender.lastIndex(of: "@"), sender[..<at] == login, let school = school(ofAddress: sender) { return school }
        var found: Int?
        for (school, parts) in localParts.enumerated() where parts.contains(login) {
            guard found == nil else { return nil }
            found = school
        }
        return found
    }

    /// The school of an address: its account, or the longest configured domain it is on.
    func school(ofAddress address: String) -> Int? {
        guard !address.isEmpty else { return nil }
        if accountFilter.mayKnow(address), let school = accounts[address] { return school }
        var domain = Substring(RecipientClassifier.domain(of: address))
        while !domain.isEmpty {
            if let school = domains[String(domain)] { return school }
            guard let dot = domain.firstIndex(of: ".") else { break }
            domain = domain[domain.index(after: dot)...]
        }
        return nil
    }
}
