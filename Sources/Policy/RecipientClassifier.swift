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
        !domain.isEmpty && domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
