import ChaperoneModel

extension PolicyEngine {
    /// The rules for mail a pupil sends. The staff-conduct sections (3, 4, 5, 7 and
    /// 7.2) govern how staff behave and do not apply; a pupil's own data (name, date of
    /// birth, address, SEN) is theirs to send to anyone. What is held is a pupil sending
    /// outside the school sensitive or bulk data about *other* pupils (§8: a pupil who
    /// has got hold of a class list), and content that could not be checked on its way
    /// out (nothing unread leaves as clean).
    func pupilRules(for recipient: Recipient, summary: FindingSummary, sender: SenderIdentity) -> [RuleHit] {
        let insideSchool = recipient.recipientClass == .internal
            || (recipient.recipientClass == .student && recipient.isSchoolAddress)
        guard !insideSchool else { return [] }
        let to = [recipient.address]
        var hits: [RuleHit] = []
        // The pupil's own data, and data about the recipient's own pupils (a friend's own
        // birthday to that friend, a child's to their parent), belong where they go.
        let allowed = (sender.pupilKey.map { [$0] } ?? []) + recipient.linkedPupils
        let others = summary.sensitiveIndices(notAbout: allowed)
        if !others.isEmpty {
            hits.append(RuleHit(
                rule: "8.pupil-sends-other-pupils-data", sections: [.confidentiality],
                action: configuration.pupils.otherPupilsOutside, recipients: to, findingIndices: others,
                reason: "a pupil is sending other pupils' personal information (sensitive details or a list of pupils) outside the school"))
        }
        if !summary.unscannable.isEmpty {
            hits.append(RuleHit(
                rule: "8.unscannable-outside", sections: [.confidentiality],
                action: configuration.actions.unscannableOutside, recipients: to, findingIndices: summary.unscannable,
                reason: "part of it could not be checked (encrypted, too large or damaged) and it leaves the school"))
        }
        return hits
    }

    /// The rules that govern one recipient of a message from `sender`: the pupil rules
    /// for pupils, the staff rules for everyone else (system senders, and outside mail
    /// relayed or forwarded out of the school, are judged as staff mail).
    func roleRules(for recipient: Recipient, summary: FindingSummary, sender: SenderIdentity) -> [RuleHit] {
        switch sender.rules {
        case .pupil: pupilRules(for: recipient, summary: summary, sender: sender)
        case .staff, .system, .outside: rules(for: recipient, summary: summary)
        }
    }
}
