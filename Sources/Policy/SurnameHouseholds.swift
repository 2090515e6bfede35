import ChaperoneModel

/// Pupils by surname, for the wrong-parent mistake: mail about one family's child sent to
/// another family of the same surname. Built once per roster; each lookup is a
/// dictionary read per recipient's child.
public struct SurnameHouseholds: Sendable {
    /// Lower-cased surname → the roster keys of the pupils who have it.
    let pupilsBySurname: [String: [String]]
    /// Roster key → lower-cased surname.
    let surnameOfPupil: [String: String]

    public init(roster: Roster) {
        var bySurname: [String: [String]] = [:]
        var surnames: [String: String] = [:]
        for position in roster.students.indices {
            let surname = (roster.students.string(.surname, at: position) ?? "").lowercased()
            guard !surname.isEmpty else { continue }
            let key = roster.students.key(at: position)
            bySurname[surname, default: []].append(key)
            surnames[key] = surname
        }
        self.pupilsBySurname = bySurname
        self.surnameOfPupil = surnames
    }

    /// The pupils who share a surname with one of `children` but are neither one of them
    /// nor in their family (`families`: a sibling linked through a shared contact is the
    /// recipient's own family's child).
    func namesakes(of children: [String], families: RecipientFamilies) -> Set<String> {
        let own = Set(children)
        let ownFamilies = Set(children.map(families.family(ofPupil:)))
        var result = Set<String>()
        for surname in Set(children.compactMap { surnameOfPupil[$0] }) {
            for key in pupilsBySurname[surname] ?? [] where !own.contains(key) && !ownFamilies.contains(families.family(ofPupil: key)) {
                result.insert(key)
            }
        }
        return result
    }
}

extension PolicyEngine {
    /// Outside recipients beyond which a message is not a letter to one family (a
    /// newsletter, a trip reminder): lone forenames stay no reference there.
    public static let householdMaxOutsideRecipients = 2

    /// The roster keys a lone forename may name in this message: written to one or two
    /// outside addresses of which some are a pupil's parent, the pupils who share a surname
    /// with that parent's children but are not theirs ("Dear Mrs Rahman, following Alice's
    /// seizure…" sent to Ali Rahman's mother), together with the parent's own children, so
    /// a letter naming both ("Zara and Ali…") ties each term to the nearer child. Empty
    /// when no outside parent has a namesake, and for pupils' own mail.
    public func householdPupils(of envelope: Envelope, sender: SenderIdentity) -> Set<String> {
        guard sender.rules != .pupil else { return [] }
        var outside: [Recipient] = []
        for expanded in envelope.judgedRecipients {
            let recipient = classifier.classify(expanded.address, sender: envelope.sender)
            guard !recipient.isSchoolAddress else { continue }
            outside.append(recipient)
            if outside.count > Self.householdMaxOutsideRecipients { return [] }
        }
        var result = Set<String>()
        for recipient in outside where recipient.recipientClass == .parent {
            let namesakes = households.namesakes(of: recipient.linkedPupils, families: families)
            guard !namesakes.isEmpty else { continue }
            result.formUnion(namesakes)
            result.formUnion(recipient.linkedPupils)
        }
        return result
    }
}
