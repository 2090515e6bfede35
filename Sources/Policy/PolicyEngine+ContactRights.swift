import ChaperoneModel

extension PolicyEngine {
    /// The §8 rules from the MIS's contact records, and the findings left for the
    /// ordinary rules: a restricted contact is never a linked parent, so any reference
    /// to a pupil they are restricted from is held (whatever the configuration) and
    /// alerts the DSL; sensitive data about a pupil the contact has no parental
    /// responsibility for takes `actions.without_parental_responsibility`. References
    /// to restricted pupils are taken out of `remaining`, so no other rule repeats them
    /// in words that could hint at the reason.
    func contactRightsRules(for recipient: Recipient, summary: FindingSummary) -> (hits: [RuleHit], remaining: FindingSummary) {
        let rights = classifier.contactRights(ofAddress: RecipientClassifier.normalise(recipient.address))
        guard rights.isLimited else { return ([], summary) }
        var hits: [RuleHit] = []
        var remaining = summary
        let restricted = rights.restrictedPupils.flatMap { pupil in
            (summary.pupilReferences[pupil] ?? []) + (summary.sensitivePupils[pupil] ?? [])
        }
        if !restricted.isEmpty {
            hits.append(RuleHit(
                rule: Self.restrictedContactRule, sections: [.confidentiality], action: .quarantine,
                recipients: [recipient.address], findingIndices: Array(Set(restricted)).sorted(),
                reason: "it refers to a student whose information this recipient may not receive"))
        }
        for pupil in rights.restrictedPupils {
            remaining.pupilReferences[pupil] = nil
            remaining.sensitivePupils[pupil] = nil
        }
        let action = configuration.actions.withoutParentalResponsibility
        let withoutResponsibility = rights.pupilsWithoutResponsibility.flatMap { summary.sensitivePupils[$0] ?? [] }
        if configuration.ruleMayAct("8.without-parental-responsibility", configured: action), !withoutResponsibility.isEmpty {
            hits.append(RuleHit(
                rule: "8.without-parental-responsibility", sections: [.confidentiality], action: action,
                recipients: [recipient.address], findingIndices: withoutResponsibility.sorted(),
                reason: "it sends sensitive information about a student that this recipient may not receive"))
        }
        return (hits, remaining)
    }

    /// The rule that always alerts the Designated Safeguarding Lead.
    static let restrictedContactRule = "8.restricted-contact"
}
