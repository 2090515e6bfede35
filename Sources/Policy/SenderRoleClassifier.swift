import ChaperoneModel

/// Decides whose mail a message is (pupil, staff, system, outside) from the envelope,
/// the SASL login the MTA passed in (`{auth_authen}`), the roster and the configuration,
/// and then which rules govern it. Built once per configuration and roster; lookups
/// are dictionary and suffix checks only, so it costs nothing per message.
///
/// The authenticated login, when it names a known account, decides: the MTA vouches for
/// it, and the envelope sender can be anything the client chose. Otherwise the envelope
/// sender decides. An address's role is the first that applies: a configured system
/// sender; the staff list; a roster pupil's school address; a pupil domain; a no-reply
/// address on a school domain; any other school-domain address
/// (`senders.unlisted_school_senders`, staff by default); otherwise outside.
///
/// In gateway mode (`mode: gateway`) there is no SASL login: the cloud tenant relaying
/// the message vouches for its envelope sender, so the envelope sender alone decides
/// and any `{auth_authen}` is ignored.
public struct SenderRoleClassifier: Sendable {
    let roster: Roster
    let schoolDomains: [String]
    let pupilDomains: [String]
    let systemAddresses: Set<String>
    let systemDomains: [String]
    let noReplyLocalParts: Set<String>
    let unlisted: SenderRole
    let inbound: Configuration.InboundScope
    let isGateway: Bool
    /// A trust's filter of the addresses its rosters know (see
    /// `RecipientClassifier.knownAddresses`); nil for a single school.
    var knownAddresses: KnownAddressFilter?

    public init(configuration: Configuration, roster: Roster) {
        self.roster = roster
        let pupilDomains = configuration.senders.pupilDomains.map { $0.lowercased() }
        self.pupilDomains = pupilDomains
        self.schoolDomains = configuration.school.domains.map { $0.lowercased() } + pupilDomains
        let system = configuration.senders.systemSenders.map { $0.lowercased() }
        self.systemAddresses = Set(system.filter { !$0.hasPrefix("@") && !$0.hasPrefix("*@") })
        self.systemDomains = system.compactMap { entry in
            entry.hasPrefix("@") ? String(entry.dropFirst()) : entry.hasPrefix("*@") ? String(entry.dropFirst(2)) : nil
        }
        self.noReplyLocalParts = Set(configuration.senders.noReplyLocalParts.map { $0.lowercased() })
        self.unlisted = configuration.senders.unlistedSchoolSenders
        self.inbound = configuration.scope.inbound
        self.isGateway = configuration.isGateway
    }

    /// The sender's role and the rules and scope that follow from it, given the
    /// classified recipients. `forwarders` are the addresses of a message's forwarding
    /// headers (`MessageContent.forwardingAddresses`), when they have been read.
    public func identify(_ envelope: Envelope, recipients: [Recipient], forwarders: [String] = []) -> SenderIdentity {
        var identity = role(of: envelope)
        guard identity.role == .outside else { return identity }
        let allInternal = !recipients.isEmpty && recipients.allSatisfy { isSchoolAddress($0.address) }
        if allInternal {
            identity.rules = inbound == .scan ? .staff : .outside
            identity.scanned = inbound == .scan
            identity.reason += inbound == .scan
                ? "; inbound mail (every recipient is inside the school), scanned with the staff rules (scope.inbound: scan)"
                : "; inbound mail (every recipient is inside the school), not scanned (scope.inbound: skip)"
        } else {
            identity.rules = .staff
            identity.forwardedBy = forwarders.first { isSchoolAddress($0) }
            identity.reason += "; it goes to a recipient outside the school, so it is judged as staff mail"
                + (identity.forwardedBy.map { " (forwarded by the school mailbox \($0))" } ?? " (relayed or forwarded out)")
        }
        return identity
    }

    /// The role alone, before recipients are considered.
    public func role(of envelope: Envelope) -> SenderIdentity {
        let sender = RecipientClassifier.normalise(envelope.sender)
        if !isGateway, let login = envelope.authenticatedUser.map(RecipientClassifier.trimmingWhitespaces), !login.isEmpty {
            if let address = accountAddress(login: login.lowercased(), sender: sender),
               var identity = classify(address, basis: .authenticatedUser) {
                identity.reason = "authenticated as \(login): " + identity.reason
                return identity
            }
            if var identity = classify(sender, basis: .envelopeSender), identity.role != .outside {
                identity.reason = "authenticated as \(login) (no known account); " + identity.reason
                return identity
            }
            return SenderIdentity(
                role: .staff, address: login.lowercased(), basis: .authenticatedUser,
                reason: "authenticated as \(login), an account on the school's server that is on neither the staff list nor the roster, so the staff rules apply")
        }
        guard !sender.isEmpty else {
            return SenderIdentity(role: .outside, address: "", basis: .nullSender,
                                  reason: "the null sender (a bounce or delivery report) is not a school sender")
        }
        var identity = classify(sender, basis: .envelopeSender)
            ?? SenderIdentity(role: .outside, address: sender, basis: .envelopeSender, reason: "the envelope sender is not a school address")
        if isGateway { identity.reason = "gateway mode, the envelope sender the tenant relayed: " + identity.reason }
        return identity
    }

    /// The address an authenticated login stands for: the login itself when it is an
    /// address; the envelope sender when its local part is the login; otherwise the
    /// login on a school domain where the staff list or roster knows it.
    func accountAddress(login: String, sender: String) -> String? {
        if login.contains("@") { return login }
        if let at = sender.lastIndex(of: "@"), sender[..<at] == login { return sender }
        for domain in schoolDomains {
            let candidate = login + "@" + domain
            if roster.staffByEmail[candidate] != nil || pupilKey(schoolAddress: candidate) != nil { return candidate }
        }
        return nil
    }

    /// The role of one address, or nil when it is not a school sender.
    func classify(_ address: String, basis: SenderIdentity.Basis) -> SenderIdentity? {
        let who = basis == .authenticatedUser ? "the account" : "the envelope sender"
        let domain = RecipientClassifier.domain(of: address)
        let localPart = address.lastIndex(of: "@").map { String(address[..<$0]) } ?? address
        func identity(_ role: SenderRole, _ reason: String, pupil: String? = nil) -> SenderIdentity {
            SenderIdentity(role: role, address: address, basis: basis, pupilKey: pupil, reason: "\(who) \(address) \(reason)")
        }
        if systemAddresses.contains(address) || RecipientClassifier.matches(domain, anyOf: systemDomains) {
            return identity(.system, "is a configured system sender (senders.system_senders)")
        }
        if roster.staffByEmail[address] != nil {
            return identity(.staff, "is on the staff list")
        }
        let onSchoolDomain = RecipientClassifier.matches(domain, anyOf: schoolDomains)
        if let key = pupilKey(schoolAddress: address), onSchoolDomain || basis == .authenticatedUser {
            return identity(.pupil, "is a roster pupil's school address", pupil: key)
        }
        if RecipientClassifier.matches(domain, anyOf: pupilDomains) {
            return identity(.pupil, "is on a pupil domain (senders.pupil_domains)", pupil: roster.pupilKeys(ofAddress: address).first)
        }
        guard onSchoolDomain else {
            return basis == .authenticatedUser ? identity(.staff, "is not on the staff list or roster; an authenticated account gets the staff rules") : nil
        }
        if noReplyLocalParts.contains(localPart) {
            return identity(.system, "is a no-reply address on a school domain (senders.no_reply_local_parts)")
        }
        if Self.isRewrittenForwarder(localPart) {
            return SenderIdentity(role: .outside, address: address, basis: basis,
                                  reason: "\(who) \(address) is a forwarding (SRS) address: the mail came from outside the school")
        }
        return identity(unlisted, "is a school-domain address not on the staff list or roster (senders.unlisted_school_senders: \(unlisted.rawValue))")
    }

    /// The roster pupil whose school address this is.
    func pupilKey(schoolAddress address: String) -> String? {
        guard knownAddresses?.mayKnow(address) ?? true else { return nil }
        return roster.pupilKeys(ofAddress: address).first { key in
            roster.studentPosition(forKey: key).flatMap { roster.students.string(.schoolEmail, at: $0) } == address
        }
    }

    /// True for a school or pupil domain (or a subdomain of one).
    public func isSchoolAddress(_ address: String) -> Bool {
        RecipientClassifier.matches(RecipientClassifier.domain(of: RecipientClassifier.normalise(address)), anyOf: schoolDomains)
    }

    /// A Sender Rewriting Scheme address (`SRS0=hash=tt=domain=user@forwarder`): mail
    /// from elsewhere that a forwarder passed on.
    static func isRewrittenForwarder(_ localPart: String) -> Bool {
        localPart.hasPrefix("srs0=") || localPart.hasPrefix("srs1=")
    }
}
