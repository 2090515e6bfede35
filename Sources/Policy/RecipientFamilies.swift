import ChaperoneModel

/// Groups roster pupils into families: pupils are in one family when a contact (or one
/// contact address) is linked to both, so siblings who share a parent, and both parents
/// of one child, fall together. Built once per roster (union-find over every contact's
/// linked pupils); each lookup is a dictionary read.
public struct RecipientFamilies: Sendable {
    /// Pupil key → the key that names that pupil's family.
    let familyOfPupil: [String: String]

    public init(roster: Roster) {
        var parent: [String: String] = [:]
        func root(_ key: String) -> String {
            var current = key
            while let next = parent[current], next != current { current = next }
            var walk = key
            while let next = parent[walk], next != current { parent[walk] = current; walk = next }
            return current
        }
        func union(_ keys: [String]) {
            guard let first = keys.first else { return }
            let anchor = root(first)
            if parent[anchor] == nil { parent[anchor] = anchor }
            for key in keys.dropFirst() {
                let other = root(key)
                if other != anchor { parent[other] = anchor }
            }
        }
        for position in roster.students.indices {
            let key = roster.students.key(at: position)
            parent[key] = parent[key] ?? key
        }
        for contact in roster.contacts.indices {
            union(roster.contacts.pupilKeys(at: contact) + roster.contacts.restrictedPupilKeys(at: contact))
        }
        // One address shared by several contact records joins their pupils too.
        roster.contactsByEmail.forEach { _, positions in
            guard positions.count > 1 else { return }
            let keys = positions.map(roster.contacts.key(at:))
            union(keys.compactMap(roster.contactPosition(forKey:)).flatMap(roster.contacts.pupilKeys(at:)))
        }
        var families: [String: String] = [:]
        for key in parent.keys { families[key] = root(key) }
        self.familyOfPupil = families
    }

    /// The family a pupil belongs to (the pupil's own key when no contact joins it to another).
    public func family(ofPupil key: String) -> String {
        familyOfPupil[key] ?? key
    }
}
