import ChaperoneModel

/// What `check-config` says about sender roles: how many pupil school addresses the
/// roster gives (and any on a domain that is not the school's, which would not make
/// their senders pupils), the pupil domains, system senders and their owner, and the
/// inbound scope.
struct SenderRoleSummary {
    let configuration: Configuration
    let roster: Roster

    var lines: [String] {
        let school = (configuration.school.domains + configuration.senders.pupilDomains).map { $0.lowercased() }
        let addresses = roster.students.compactMap(\.schoolEmail)
        let offDomain = addresses.filter { address in
            let domain = address.split(separator: "@").last.map { String($0).lowercased() } ?? ""
            return !school.contains { domain == $0 || domain.hasSuffix("." + $0) }
        }
        let senders = configuration.senders
        let pupilDomains = senders.pupilDomains.isEmpty ? "none (senders.pupil_domains)" : senders.pupilDomains.joined(separator: ", ")
        let systemSenders = senders.systemSenders.isEmpty ? "none configured" : senders.systemSenders.joined(separator: ", ")
        let owner = senders.systemOwner ?? "none (no notices)"
        let withoutAddress = roster.students.count - addresses.count
        var lines: [String] = []
        lines.append("pupil addresses: \(addresses.count) from the roster (\(withoutAddress) pupils without one)")
        lines.append("pupil domains: \(pupilDomains)")
        lines.append("system senders: \(systemSenders); no-reply local parts: \(senders.noReplyLocalParts.joined(separator: ", ")); owner: \(owner)")
        lines.append("other school-domain senders: \(senders.unlistedSchoolSenders.rawValue); inbound mail: \(configuration.scope.inbound.rawValue)")
        if !offDomain.isEmpty {
            let domains = Set(offDomain.compactMap { $0.split(separator: "@").last.map(String.init) }).sorted()
            lines.append("warning: \(offDomain.count) pupil school address(es) are not on a school or pupil domain (\(domains.prefix(5).joined(separator: ", "))); "
                + "their mail counts as pupil mail only when the pupil authenticates. Add the domain to senders.pupil_domains if it is the school's.")
        }
        return lines
    }
}
