import ChaperoneModel

/// The findings of one message grouped the way the rules ask about them. Only findings
/// at or above the configured minimum confidence are counted.
struct FindingSummary {
    /// Pupil key → indices of findings that refer to that pupil.
    var pupilReferences: [String: [Int]] = [:]
    /// Pupils with sensitive data (an identifier or a sensitive attribute) in the message.
    var sensitivePupils: [String: [Int]] = [:]
    /// Valid identifiers (UPN, ULN, NHS, NINO) not linked to any roster pupil.
    var unlinkedIdentifiers: [Int] = []
    /// Bulk pupil data and MIS-export tables.
    var bulk: [Int] = []
    /// MIS-export tables alone (a subset of `bulk`).
    var misExports: [Int] = []
    /// The largest distinct-pupil count of any bulk finding (`Int.max` when one gives none).
    var largestBulkCount = 0
    /// Mobile numbers, personal-webmail addresses and social-media identities.
    var contactDetails: [Int] = []
    var socialMedia: [Int] = []
    /// Requests for secrecy or a private meeting.
    var privateContact: [Int] = []
    var credentials: [Int] = []
    var images: [Int] = []
    var executables: [Int] = []
    var unscannable: [Int] = []

    // The kinds as switches, not Sets: a Set of a String-backed enum hashes the raw
    // String, three times for every finding of a long list.

    /// Kinds that refer to a pupil: a name, a pupil's email address, an identifier.
    static func isReference(_ kind: DetectorKind) -> Bool {
        switch kind {
        case .pupilName, .pupilEmail: true
        default: isIdentifier(kind)
        }
    }

    /// Identifiers with a check digit or letter: UPN, ULN, NHS number, National Insurance number.
    static func isIdentifier(_ kind: DetectorKind) -> Bool {
        switch kind {
        case .upn, .uln, .nhsNumber, .nationalInsurance: true
        default: false
        }
    }

    /// Sensitive attributes of a pupil: date of birth, address, postcode, special category.
    static func isAttribute(_ kind: DetectorKind) -> Bool {
        switch kind {
        case .dateOfBirth, .pupilAddress, .pupilPostcode, .specialCategory: true
        default: false
        }
    }

    init(findings: [Finding], minimumConfidence: Double) {
        for (index, finding) in findings.enumerated() where finding.confidence >= minimumConfidence {
            let kind = finding.detector
            if let pupil = finding.pupil {
                if Self.isReference(kind) { pupilReferences[pupil, default: []].append(index) }
                if Self.isIdentifier(kind) || Self.isAttribute(kind) {
                    sensitivePupils[pupil, default: []].append(index)
                }
            } else if Self.isIdentifier(kind) {
                unlinkedIdentifiers.append(index)
            }
            switch kind {
            case .bulkPupilData:
                bulk.append(index)
                largestBulkCount = max(largestBulkCount, finding.detail.flatMap { Int($0) } ?? Int.max)
            case .misExport: bulk.append(index); misExports.append(index)
            case .mobileNumber, .personalEmail: contactDetails.append(index)
            case .socialMedia: contactDetails.append(index); socialMedia.append(index)
            case .privateContact: privateContact.append(index)
            case .credential: credentials.append(index)
            case .imageAttachment: images.append(index)
            case .executableAttachment: executables.append(index)
            case .unscannableContent: unscannable.append(index)
            default: break
            }
        }
    }

    /// True when the message refers to any pupil or carries pupil data at all.
    var hasPupilData: Bool {
        !pupilReferences.isEmpty || !unlinkedIdentifiers.isEmpty || !bulk.isEmpty || !sensitivePupils.isEmpty
    }

    /// True when the message carries sensitive pupil data.
    var hasSensitiveData: Bool {
        !sensitivePupils.isEmpty || !unlinkedIdentifiers.isEmpty || !bulk.isEmpty
    }

    /// Every finding index that makes the data sensitive.
    var sensitiveIndices: [Int] {
        (sensitivePupils.values.flatMap { $0 } + unlinkedIdentifiers + bulk).sorted()
    }

    /// Finding indices of sensitive data about pupils other than `allowed`, plus
    /// unlinked identifiers and bulk data (which cannot belong to one family).
    func sensitiveIndices(notAbout allowed: [String]) -> [Int] {
        let others = sensitivePupils.filter { !allowed.contains($0.key) }.values.flatMap { $0 }
        return (others + unlinkedIdentifiers + bulk).sorted()
    }

    /// True when the message's pupil data is records, not just names: identifiers,
    /// dates of birth, addresses or special-category attributes of any pupil, or an MIS
    /// export. A list of names alone (award winners, a team sheet) is not records.
    var carriesRecords: Bool {
        !sensitivePupils.isEmpty || !unlinkedIdentifiers.isEmpty || !misExports.isEmpty
    }

    /// The bulk findings that are only a count of names (no records anywhere in the message).
    var namesOnlyBulk: [Int] {
        carriesRecords ? [] : bulk
    }

    /// `sensitiveIndices(notAbout:)` for a publication route (parents, pupils' school
    /// addresses): a list of names alone is not sensitive there; its consent is checked
    /// by the publication rule instead.
    func publicationSensitiveIndices(notAbout allowed: [String]) -> [Int] {
        let namesOnly = Set(namesOnlyBulk)
        return sensitiveIndices(notAbout: allowed).filter { !namesOnly.contains($0) }
    }

    /// Pupils referenced, other than `allowed`.
    func referencedPupils(notAbout allowed: [String]) -> [String] {
        pupilReferences.keys.filter { !allowed.contains($0) }.sorted()
    }

    /// Finding indices referring to pupils other than `allowed`.
    func referenceIndices(notAbout allowed: [String]) -> [Int] {
        pupilReferences.filter { !allowed.contains($0.key) }.values.flatMap { $0 }.sorted()
    }

    var referenceIndices: [Int] { pupilReferences.values.flatMap { $0 }.sorted() }
}
