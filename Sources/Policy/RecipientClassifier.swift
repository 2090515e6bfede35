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
    /// A trust's filter of every address its rosters know (`KnownAddressFilter`): an
    /// address it rules out is no pupil's, contact's or staff personal address here, so
    /// this school's own address tables are not read. Nil for a single school.
    var knownAddresses: KnownAddressFilter?

    /// - Parameter webmailDomains: personal-webmail domains (the built-in list plus the
    ///   configured extras), lower-cased.
    public init(configuration: Configuration, roster: Roster, webmailDomains: Set<String>) {
        self.roster = roster
        // Pupil domains are the school's own mail too.
        self.schoolDomains = (configuration.school.domains + configuration.senders.pupilDomains).map { $0.lowercased() }
        self.partnerDomains = configuration.school.partnerDomains.map { $0.lowercased() }
        // The built-in list is lower-case already: kept as it is, every school of a trust
        // reads the one set, which stays in the cache, rather than a copy of its own.
        let lowered = webmailDomains.contains { $0.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } }
            ? Set(webmailDomains.map { $0.lowercased() }) : webmailDomains
        let extras = configuration.school.extraWebmailDomains.map { $0.lowercased() }.filter { !lowered.contains($0) }
        self.webmailDomains = extras.isEmpty ? lowered : lowered.union(extras)
    }

    /// Classifies one recipient. `sender` is the envelope sender (or authenticated
    /// user's address), used to recognise staff writing to their own personal address.
    public func classify(_ address: String, sender: String) -> Recipient {
        let normalised = Self.normalise(address)
        let domain = Self.domain(of: normalised)
        let mayBeKnown = knownAddresses?.mayKnow(normalised) ?? true
        let pupils = mayBeKnown ? roster.pupilKeys(ofAddress: normalised) : []
        if !pupils.isEmpty {
            let isSchool = pupils.contains { key in
                roster.studentPosition(forKey: key).flatMap { roster.students.string(.schoolEmail, at: $0) }?.lowercased() == normalised
            }
            return Recipient(address: address, recipientClass: .student, linkedPupils: pupils, isSchoolAddress: isSchool)
        }
        let parentOf = mayBeKnown ? roster.pupilKeys(ofContactAddress: normalised) : []
        if !parentOf.isEmpty {
            return Recipient(address: address, recipientClass: .parent, linkedPupils: parentOf)
        }
        let mayBeOurs = knownAddresses?.mayBeOnDomain(domain) ?? true
        if mayBeOurs, Self.matches(domain, anyOf: schoolDomains) {
            return Recipient(address: address, recipientClass: .internal)
        }
        if mayBeOurs, Self.matches(domain, anyOf: partnerDomains) {
            return Recipient(address: address, recipientClass: .partner)
        }
        if mayBeKnown, let owner = roster.staffByPersonalEmail[normalised] {
            let own = owner.email.lowercased() == Self.normalise(sender)
            return Recipient(address: address, recipientClass: .personal, isStaffPersonalAddress: own)
        }
        if webmailDomains.contains(domain) {
            return Recipient(address: address, recipientClass: .personal)
        }
        return Recipient(address: address, recipientClass: .external)
    }

    /// Every domain `classify` matches a recipient's domain against (school, pupil and
    /// partner domains, lower-cased): what a trust's `KnownAddressFilter` must hold.
    public var matchedDomains: [String] { schoolDomains + partnerDomains }

    /// The roster's contact rights for `address` (normalised), without reading the
    /// roster's tables when `knownAddresses` rules the address out.
    public func contactRights(ofAddress address: String) -> ContactRights {
        guard knownAddresses?.mayKnow(address) ?? true else { return ContactRights() }
        return roster.contactRights(ofAddress: address)
    }

    /// True when `address` is on a school domain (or a subdomain of one).
    public func isSchoolAddress(_ address: String) -> Bool {
        Self.matches(Self.domain(of: Self.normalise(address)), anyOf: schoolDomains)
    }

    /// The address trimmed of spaces and tabs, without one pair of enclosing angle
    /// brackets, lower-cased. ASCII addresses (nearly all) are done on bytes; others by
    /// the Foundation and String rule, `normaliseByFoundation`.
    public static func normalise(_ address: String) -> String {
        var address = address
        if let normalised = address.withUTF8({ asciiNormalised($0) }) { return normalised }
        return normaliseByFoundation(address)
    }

    /// `normalise` for ASCII bytes (trimmed of space and tab, the ASCII members of
    /// `CharacterSet.whitespaces`); `nil` when a byte is not ASCII.
    static func asciiNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard UTF8Text.isASCII(bytes) else { return nil }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "<"), bytes[end - 1] == UInt8(ascii: ">") {
            start += 1
            end = max(start, end - 1)
        }
        var hasUpper = false
        for index in start..<end where bytes[index] >= 0x41 && bytes[index] <= 0x5A { hasUpper = true; break }
        let kept = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard hasUpper else { return String(decoding: kept, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: kept.count) { output in
            for (index, byte) in kept.enumerated() { output[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return kept.count
        }
    }

    /// `text.trimmingCharacters(in: .whitespaces)`: by bytes when the bytes beside the
    /// trimmed spaces and tabs are ASCII (Foundation trims by scalar, so a Unicode space
    /// there would be trimmed too), by Foundation otherwise.
    static func trimmingWhitespaces(_ text: String) -> String {
        var text = text
        let trimmed: String? = text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return trimmed ?? text.trimmingCharacters(in: .whitespaces)
    }

    /// The rule `normalise` keeps for addresses with non-ASCII bytes.
    static func normaliseByFoundation(_ address: String) -> String {
        var text = address.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        return text.lowercased()
    }

    /// The part after the last `@`, without trailing dots; "" when there is no `@`.
    public static func domain(of address: String) -> String {
        var address = address
        let ascii: String? = address.withUTF8 { bytes in
            guard UTF8Text.isASCII(bytes) else { return nil }
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return "" }
            var end = bytes.count
            while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end]), as: UTF8.self)
        }
        if let ascii { return ascii }
        return domainByCharacter(of: address)
    }

    /// The Character rule `domain(of:)` keeps for non-ASCII addresses.
    static func domainByCharacter(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        var domain = String(address[address.index(after: at)...])
        while domain.hasSuffix(".") { domain.removeLast() }
        return domain
    }

    static func matches(_ domain: String, anyOf domains: [String]) -> Bool {
        !domain.isEmpty && domains.contains { isOn(domain, $0) }
    }

    /// True when `domain` is `parent` or a subdomain of it: by bytes when both are ASCII
    /// (no String is made), else by String's rule (`==`, or a suffix "." + `parent`).
    static func isOn(_ domain: String, _ parent: String) -> Bool {
        let ascii: Bool? = domain.utf8.withContiguousStorageIfAvailable { domainBytes in
            parent.utf8.withContiguousStorageIfAvailable { parentBytes -> Bool? in
                guard UTF8Text.isASCII(domainBytes), UTF8Text.isASCII(parentBytes) else { return nil }
                let offset = domainBytes.count - parentBytes.count
                guard offset == 0 || offset > 0 && domainBytes[offset - 1] == UInt8(ascii: ".") else { return false }
                for index in parentBytes.indices where domainBytes[offset + index] != parentBytes[index] { return false }
                return true
            } ?? nil
        } ?? nil
        return ascii ?? (domain == parent || domain.hasSuffix("." + parent))
    }
}
