import Foundation
import ChaperoneModel

/// Sorts recipient addresses into `RecipientClass`es, the first class that applies:
/// student, parent, internal, partner, personal, external. Built once per
/// configuration and roster; lookups are dictionary and suffix checks only.
public struct RecipientClassifier: Sendable {
    let roster: Roster
    let schoolDomains: [String]
    let partnerDomains: [String]
    let webmailDomains: Set<String>

    /// - Parameter webmailDomains: personal-webmail domains (the built-in list plus the
    ///   configured extras), lower-cased.
    public init(configuration: Configuration, roster: Roster, webmailDomains: Set<String>) {
        self.roster = roster
        // Pupil domains are the school's own mail too.
        self.schoolDomains = (configuration.school.domains + configuration.senders.pupilDomains).map { $0.lowercased() }
        self.partnerDomains = configuration.school.partnerDomains.map { $0.lowercased() }
        self.webmailDomains = Set(webmailDomains.map { $0.lowercased() })
            .union(configuration.school.extraWebmailDomains.map { $0.lowercased() })
    }

    /// Classifies one recipient. `sender` is the envelope sender (or authenticated
    /// user's address), used to recognise staff writing to their own personal address.
    public func classify(_ address: String, sender: String) -> Recipient {
        let normalised = Self.normalise(address)
        let domain = Self.domain(of: normalised)
        let pupils = roster.pupilKeys(ofAddress: normalised)
        if !pupils.isEmpty {
            let isSchool = pupils.contains { key in
                roster.studentPosition(forKey: key).flatMap { roster.students.string(.schoolEmail, at: $0) }?.lowercased() == normalised
            }
            return Recipient(address: address, recipientClass: .student, linkedPupils: pupils, isSchoolAddress: isSchool)
        }
        let parentOf = roster.pupilKeys(ofContactAddress: normalised)
        if !parentOf.isEmpty {
            return Recipient(address: address, recipientClass: .parent, linkedPupils: parentOf)
        }
        if Self.matches(domain, anyOf: schoolDomains) {
            return Recipient(address: address, recipientClass: .internal)
        }
        if Self.matches(domain, anyOf: partnerDomains) {
            return Recipient(address: address, recipientClass: .partner)
        }
        if let owner = roster.staffByPersonalEmail[normalised] {
            let own = owner.email.lowercased() == Self.normalise(sender)
            return Recipient(address: address, recipientClass: .personal, isStaffPersonalAddress: own)
        }
        if webmailDomains.contains(domain) {
            return Recipient(address: address, recipientClass: .personal)
        }
        return Recipient(address: address, recipientClass: .external)
    }

    /// True when `address` is on a school domain (or a subdomain of one).
    public func isSchoolAddress(_ address: String) -> Bool {
        Self.matches(Self.domain(of: Self.normalise(address)), anyOf: schoolDomains)
    }

    public static func normalise(_ address: String) -> String {
        var text = address.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        return text.lowercased()
    }

    public static func domain(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        var domain = String(address[address.index(after: at)...])
        while domain.hasSuffix(".") { domain.removeLast() }
        return domain
    }

    static func matches(_ domain: String, anyOf domains: [String]) -> Bool {
        !domain.isEmpty && domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
