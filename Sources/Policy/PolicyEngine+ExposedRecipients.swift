import ChaperoneModel

extension PolicyEngine {
    /// The rule name for recipients exposed to each other in To and Cc.
    static let exposedRecipientsRule = "8.recipients-exposed"

    /// The To and Cc header addresses, sorted into those outside the school (grouped by
    /// family or organisation) and the school's own.
    public struct HeaderRecipientGroups: Hashable, Sendable {
        /// Distinct families or organisations outside the school.
        public var outsideGroups: Int
        /// The school's own addresses (staff, pupils' school accounts), as written.
        public var internalAddresses: [String]
    }

    /// Groups the addresses of the To and Cc headers: a roster parent or pupil counts as
    /// their family (siblings sharing a contact, and both parents of one child, are one
    /// family); a partner or other organisation's domain counts once however many
    /// colleagues there are; a personal (webmail) address not on the roster is its own
    /// family. The school's own addresses are not counted. Pure; no address is kept.
    public func headerRecipientGroups(_ addresses: [String], sender: String) -> HeaderRecipientGroups {
        var groups = Set<String>()
        var internalAddresses: [String] = []
        var seen = Set<String>()
        for address in addresses {
            let normalised = RecipientClassifier.normalise(address)
            guard !normalised.isEmpty, seen.insert(normalised).inserted else { continue }
            let recipient = classifier.classify(normalised, sender: sender)
            switch recipient.recipientClass {
            case .internal:
                internalAddresses.append(normalised)
            case .student where recipient.isSchoolAddress:
                internalAddresses.append(normalised)
            case .student, .parent:
                let keys = Set(recipient.linkedPupils.map { families.family(ofPupil: $0) })
                groups.insert("family:" + (keys.min() ?? normalised))
            case .partner:
                let domain = RecipientClassifier.domain(of: normalised)
                let partner = classifier.partnerDomains.first { domain == $0 || domain.hasSuffix("." + $0) } ?? domain
                groups.insert("organisation:" + partner)
            case .personal:
                groups.insert("address:" + normalised)
            case .external:
                groups.insert("organisation:" + RecipientClassifier.domain(of: normalised))
            }
        }
        return HeaderRecipientGroups(outsideGroups: groups.count, internalAddresses: internalAddresses)
    }

    /// The §8 finding and rule for a message whose To and Cc show at least
    /// `exposed_recipients.threshold` families or organisations to each other; nil
    /// below it. The finding's evidence is the count, never the addresses.
    func exposedRecipientsHit(
        headerAddresses: [String], sender: String, findingIndex: Int
    ) -> (finding: Finding, hit: RuleHit, groups: HeaderRecipientGroups)? {
        let settings = configuration.exposedRecipients
        guard !headerAddresses.isEmpty else { return nil }
        let groups = headerRecipientGroups(headerAddresses, sender: sender)
        guard groups.outsideGroups >= max(2, settings.threshold) else { return nil }
        // In gateway mode a rewrite would break the tenant's DKIM signature: hold instead.
        let applied = configuration.effectiveExposureAction
        let action: Action
        switch applied {
        case .hold: action = .quarantine
        case .tag: action = .tag
        case .rewrite, .accept: action = .accept
        }
        let finding = Finding(
            detector: .exposedRecipients, location: .header("to"),
            evidence: "\(groups.outsideGroups) families or organisations", confidence: 1,
            detail: "applied=\(applied.rawValue)"
        )
        let hit = RuleHit(
            rule: Self.exposedRecipientsRule, sections: [.confidentiality], action: action, recipients: [],
            findingIndices: [findingIndex],
            reason: "the To and Cc lines show \(groups.outsideGroups) families or organisations each other's email addresses; use Bcc for messages to many parents"
        )
        return (finding, hit, groups)
    }
}
