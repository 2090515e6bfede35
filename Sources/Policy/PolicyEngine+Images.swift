import ChaperoneModel

extension PolicyEngine {
    /// §5 for one recipient: an image or video together with references to pupils
    /// follows the consent the school holds for each pupil referenced.
    /// - Parents and pupils' school addresses (newsletters, class news) and staff: every
    ///   pupil (other than the parent's own children) needs consent for school
    ///   publications. A refusal takes `actions.images`; no recorded consent takes
    ///   `images.unknown_consent.parents` (or `.internal`, which accepts by default).
    /// - Outside organisations (the press, suppliers): every pupil needs consent for the
    ///   press and media, and `images.review_press_images` holds every such image anyway.
    /// - Personal addresses: held whatever the consent (§5: not for personal use).
    /// Partner organisations (local authority, NHS) are not a publication route and keep
    /// their own rules. The reason gives counts only, never who lacks consent, and the
    /// hit points at the images, not the names.
    func imageRules(for recipient: Recipient, summary: FindingSummary) -> [RuleHit] {
        guard !summary.images.isEmpty, !summary.pupilReferences.isEmpty else { return [] }
        let actions = configuration.actions
        let unknown = configuration.images.unknownConsent
        let everyone = summary.referencedPupils(notAbout: [])
        func hit(_ rule: String, _ action: Action, _ reason: String) -> [RuleHit] {
            guard configuration.ruleMayAct(rule, configured: action) else { return [] }
            return [RuleHit(rule: rule, sections: [.images], action: action, recipients: [recipient.address],
                            findingIndices: summary.images, reason: reason)]
        }
        switch recipient.recipientClass {
        case .personal:
            return hit("5.images-to-personal", actions.images,
                       "it sends images together with references to students to a personal address, which §5 forbids whatever the consent")
        case .external:
            let tally = consents.tally(everyone, for: .pressAndMedia)
            if tally.refused > 0 {
                return hit("5.images-outside-consent-refused", actions.images,
                           "it sends images of students outside the school, and \(tally.wording)")
            }
            if tally.unknown > 0 {
                return hit("5.images-outside-consent-unknown", unknown.outside,
                           "it sends images of students outside the school, and \(tally.wording)")
            }
            return configuration.images.reviewPressImages
                ? hit("5.images-outside-review", actions.images,
                      "it sends images of students outside the school, and the school reviews every such image (images.review_press_images)")
                : []
        case .parent, .student, .internal:
            if recipient.recipientClass == .student, !recipient.isSchoolAddress { return [] }
            let others = summary.referencedPupils(notAbout: recipient.linkedPupils)
            guard !others.isEmpty, consents.tally(others, for: .schoolPublications).lacking > 0 else { return [] }
            // The reason counts every pupil in the message and names no route, so the
            // hits for all the families and staff of one newsletter merge into one.
            let tally = consents.tally(everyone, for: .schoolPublications)
            let refused = consents.tally(others, for: .schoolPublications).refused > 0
            let action = refused ? actions.images : recipient.recipientClass == .internal ? unknown.internalRecipients : unknown.parents
            return hit(refused ? "5.images-publication-consent-refused" : "5.images-publication-consent-unknown", action,
                       "it sends images of students, and \(tally.wording)")
        case .partner:
            return []
        }
    }

    /// §8 for a list of names alone (award winners, a team sheet, a commendation list)
    /// sent to families or pupils' school addresses: a publication, not a data export.
    /// It passes when every pupil listed (other than the recipient's own) has consent
    /// for school publications; otherwise it is held as bulk pupil data was before.
    func namesListRule(for recipient: Recipient, summary: FindingSummary) -> [RuleHit] {
        let namesOnly = summary.namesOnlyBulk
        guard !namesOnly.isEmpty else { return [] }
        let others = summary.referencedPupils(notAbout: recipient.linkedPupils)
        let everyone = consents.tally(summary.referencedPupils(notAbout: []), for: .schoolPublications)
        // Every pupil the bulk count saw must be one whose consent was checked; a count
        // that includes references below the confidence floor cannot be vouched for.
        let everyCountedPupilChecked = everyone.pupils >= summary.largestBulkCount
        guard consents.tally(others, for: .schoolPublications).lacking > 0 || !everyCountedPupilChecked else { return [] }
        return [RuleHit(rule: "8.names-list-without-consent", sections: [.confidentiality],
                        action: configuration.actions.confidentiality, recipients: [recipient.address],
                        findingIndices: namesOnly,
                        reason: everyone.lacking > 0
                            ? "it sends a list of many students to families, and \(everyone.wording)"
                            : "it sends a list of many students to families, and the consent of some of them could not be checked")]
    }
}
