import ChaperoneModel

/// Everything detection needs from a roster, built once per roster load: the word
/// automaton (names, postcodes, address lines and special-category terms) and hash
/// tables for identifiers and addresses. Identifiers and email addresses have fixed
/// shapes, so the shape scanners find every candidate in the same pass over the text
/// and one hash lookup links it; names have no shape, so they go through the automaton.
/// Neither path loops over pupils.
struct RosterIndex: Sendable {
    let students: [Student]
    let automaton: WordAutomaton
    let entries: [RosterEntry]
    let familyNames: [String]
    let studentByUPN: [String: Int32]
    let studentByULN: [String: Int32]
    /// Lower-cased address → students it belongs to (the pupil's own, or a contact's).
    let studentsByEmail: [String: [Int32]]
    /// Addresses that are a contact's rather than the pupil's own.
    let contactEmails: Set<String>

    init(roster: Roster, terms: SpecialCategoryTerms) {
        var builder = RosterIndexBuilder()
        for (index, student) in roster.students.enumerated() {
            builder.addStudent(student, index: Int32(index))
        }
        for (family, group) in terms.families.enumerated() {
            for term in group.terms { builder.addTerm(term, family: Int16(clamping: family)) }
        }
        var byEmail: [String: [Int32]] = [:]
        var contactEmails = Set<String>()
        let positions = Dictionary(roster.students.enumerated().map { ($1.key, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        for (email, keys) in roster.pupilKeysByEmail {
            byEmail[email, default: []] += keys.compactMap { positions[$0] }
        }
        for contact in roster.contacts {
            let linked = contact.pupilKeys.compactMap { positions[$0] }
            for email in contact.emails {
                let lower = email.lowercased()
                let existing = byEmail[lower] ?? []
                if existing.isEmpty { contactEmails.insert(lower) }
                byEmail[lower] = existing + linked.filter { !existing.contains($0) }
            }
        }
        students = roster.students
        automaton = builder.automaton.build()
        entries = builder.entries
        familyNames = terms.families.map(\.name)
        studentByUPN = builder.upns
        studentByULN = builder.ulns
        studentsByEmail = byEmail
        self.contactEmails = contactEmails
    }

    static func compactPostcode(_ value: String) -> String {
        String(value.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
