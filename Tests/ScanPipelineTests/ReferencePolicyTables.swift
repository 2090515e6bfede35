import ChaperoneModel
@testable import Policy

/// `RecipientFamilies` as it was at 4482ab0 (a union-find over String keys), kept as the
/// reference the position-based one must equal.
struct ReferenceFamilies {
    let familyOfPupil: [String: String]

    init(roster: Roster) {
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
        roster.contactsByEmail.forEach { _, positions in
            guard positions.count > 1 else { return }
            let keys = positions.map(roster.contacts.key(at:))
            union(keys.compactMap(roster.contactPosition(forKey:)).flatMap(roster.contacts.pupilKeys(at:)))
        }
        var families: [String: String] = [:]
        for key in parent.keys { families[key] = root(key) }
        self.familyOfPupil = families
    }

    func family(ofPupil key: String) -> String { familyOfPupil[key] ?? key }
}

/// `SurnameHouseholds` as it was at 4482ab0 (String-keyed dictionaries of keys), the reference.
struct ReferenceHouseholds {
    let pupilsBySurname: [String: [String]]
    let surnameOfPupil: [String: String]

    init(roster: Roster) {
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

    func namesakes(of children: [String], families: ReferenceFamilies) -> Set<String> {
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
