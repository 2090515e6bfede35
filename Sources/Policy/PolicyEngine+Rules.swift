import ChaperoneModel

extension PolicyEngine {
    /// Every rule that fires for one recipient.
    func rules(for recipient: Recipient, summary: FindingSummary) -> [RuleHit] {
        let actions = configuration.actions
        let to = [recipient.address]
        var hits: [RuleHit] = []
        func hit(_ rule: String, _ sections: [Section], _ action: Action, _ indices: [Int], _ reason: String) {
            hits.append(RuleHit(rule: rule, sections: sections, action: action, recipients: to, findingIndices: indices, reason: reason))
        }
        let outside = recipient.recipientClass != .internal
            && !(recipient.recipientClass == .student && recipient.isSchoolAddress)

        switch recipient.recipientClass {
        case .internal:
            return imageRules(for: recipient, summary: summary)
        case .student:
            if !recipient.isSchoolAddress {
                hit("3.student-personal-address", [.socialContact], actions.socialContact, [],
                    "it is addressed to a student's personal (non-school) email address")
            }
            if !summary.contactDetails.isEmpty {
                let social = !summary.socialMedia.isEmpty
                hit("3.staff-contact-details", social ? [.socialContact, .socialMedia] : [.socialContact],
                    max(actions.socialContact, social ? actions.socialMedia : .accept), summary.contactDetails,
                    "it gives a student personal contact details" + (social ? " including social media" : ""))
            }
            if !summary.privateContact.isEmpty {
                hit("3.secret-or-private-contact", [.socialContact], actions.socialContact, summary.privateContact,
                    "it asks a student for secret or private contact, or to use a personal phone")
            }
            let others = recipient.isSchoolAddress
                ? summary.publicationSensitiveIndices(notAbout: recipient.linkedPupils)
                : summary.sensitiveIndices(notAbout: recipient.linkedPupils)
            if recipient.isSchoolAddress { hits += namesListRule(for: recipient, summary: summary) }
            if !others.isEmpty {
                hit("8.misdirected-to-student", [.confidentiality], actions.confidentiality, others,
                    "it sends a student sensitive information about other students")
            }
        case .parent:
            let others = summary.publicationSensitiveIndices(notAbout: recipient.linkedPupils)
            if !others.isEmpty {
                hit("8.misdirected-to-parent", [.confidentiality], actions.confidentiality, others,
                    "it sends a parent sensitive information about students who are not their own children")
            }
            hits += namesListRule(for: recipient, summary: summary)
        case .partner:
            if summary.hasSensitiveData {
                hit("8.sensitive-to-partner", [.confidentiality], actions.partnerSensitive, summary.sensitiveIndices,
                    "it sends sensitive student data to a partner organisation, which must be handled securely")
            }
        case .personal:
            if summary.hasPupilData {
                let sensitive = summary.hasSensitiveData
                let indices = Array(Set(summary.referenceIndices + summary.sensitiveIndices)).sorted()
                hit("7.2.pupil-data-to-personal", sensitive ? [.unacceptableUse, .confidentiality] : [.unacceptableUse],
                    max(actions.unacceptableUse, sensitive ? actions.confidentiality : .accept), indices,
                    recipient.isStaffPersonalAddress
                        ? "it sends student information to your own personal email address"
                        : "it sends student information to a personal email address")
            }
        case .external:
            if summary.hasSensitiveData {
                hit("8.sensitive-to-outside", [.confidentiality], actions.confidentiality, summary.sensitiveIndices,
                    "it sends sensitive student data outside the school")
            } else if !summary.pupilReferences.isEmpty,
                configuration.ruleMayAct("8.pupil-name-outside", configured: actions.pupilNameOutside) {
                hit("8.pupil-name-outside", [.confidentiality], actions.pupilNameOutside, summary.referenceIndices,
                    "it names students to an outside organisation")
            }
        }
        if recipient.recipientClass.isOutsideOrganisation {
            if !summary.executables.isEmpty {
                hit("7.2.executable-outside", [.unacceptableUse], actions.unacceptableUse, summary.executables,
                    "it carries an executable or macro-enabled file outside the school")
            }
            if !summary.unscannable.isEmpty {
                hit("8.unscannable-outside", [.confidentiality], actions.unscannableOutside, summary.unscannable,
                    "part of it could not be checked (encrypted, too large or damaged) and it leaves the school")
            }
        }
        hits += imageRules(for: recipient, summary: summary)
        if outside, !summary.credentials.isEmpty {
            hit("7.credentials-outside", [.internetUse], actions.internetUse, summary.credentials,
                "it shares a login or password outside the school")
        }
        return hits
    }
}
