import ChaperoneModel

/// Everything detection needs from a roster, built once per roster load: the word
/// automaton (names, postcodes, address lines and special-category terms) and hash
/// tables for identifiers and addresses. Identifiers and email addresses have fixed
/// shapes, so the shape scanners find every candidate in the same pass over the text
/// and one hash lookup links it; names have no shape, so they go through the automaton.
/// Neither path loops over pupils. A class: each message's detection session holds its
/// engine, and copying the engine then costs one retain, not one for each of the
/// tables (on a trust's hundred schools, each retain is a cache miss on a cold table).
final class RosterIndex: Sendable {
    let students: StudentTable
    /// Per pupil position, its key node (`Roster.keyNodes`), to compare with `HouseholdPupils`.
    let keyNodes: [Int32]
    let automaton: WordAutomaton
    /// What each automaton pattern stands for, laid out by pattern in the automaton's
    /// own value order: pattern `p`'s entries are `entries[valueStart[p]..<valueStart[p + 1]]`
    /// (`entries(of:)`). A name shared by several pupils (four to a name on a
    /// 20,000-pupil roster) reads one or two cache lines here, not one per pupil at a
    /// scattered entry number.
    let entries: [RosterEntry]
    let familyNames: [String]
    let studentByUPN: [String: Int32]
    let studentByULN: [String: Int32]
    /// Lower-cased address → students it belongs to (the pupil's own, or a contact's).
    let studentsByEmail: [String: [Int32]]
    /// Addresses that are a contact's rather than the pupil's own.
    let contactEmails: Set<String>

    /// Builds both halves in turn (`Names`, then `Addresses`).
    convenience init(roster: Roster, terms: SpecialCategoryTerms) {
        self.init(roster: roster, names: Names(roster: roster, terms: terms), addresses: Addresses(roster: roster))
    }

    /// The index of `roster` from its two halves, built apart (at the same time on two
    /// cores at start-up: they read the roster and share nothing else).
    init(roster: Roster, names: Names, addresses: Addresses) {
        students = roster.students
        keyNodes = roster.keyNodes
        automaton = names.automaton
        entries = names.entries
        familyNames = names.familyNames
        studentByUPN = names.studentByUPN
        studentByULN = names.studentByULN
        studentsByEmail = addresses.studentsByEmail
        contactEmails = addresses.contactEmails
    }

    /// The half of the index the text's words are found in: the automaton of names,
    /// places and terms with what each pattern stands for, and the identifier tables.
    struct Names: Sendable {
        let automaton: WordAutomaton
        let entries: [RosterEntry]
        let familyNames: [String]
        let studentByUPN: [String: Int32]
        let studentByULN: [String: Int32]

        init(roster: Roster, terms: SpecialCategoryTerms) {
            var builder = RosterIndexBuilder()
            builder.reserve(pupils: roster.students.count)
            for position in roster.students.indices {
                builder.addStudent(roster.students, at: position)
            }
            for (family, group) in terms.families.enumerated() {
                for term in group.terms { builder.addTerm(term, family: Int16(clamping: family)) }
            }
            automaton = builder.automaton.build()
            entries = automaton.valueList.map { builder.entries[Int($0)] }
            familyNames = terms.families.map(\.name)
            studentByUPN = builder.upns
            studentByULN = builder.ulns
        }
    }

    /// The half of the index email addresses are linked by: every pupil's and contact's
    /// address, lower-cased, to the pupils it belongs to.
    struct Addresses: Sendable {
        let studentsByEmail: [String: [Int32]]
        let contactEmails: Set<String>

        init(roster: Roster) {
            var byEmail: [String: [Int32]] = [:]
            var contactEmails = Set<String>()
            byEmail.reserveCapacity(roster.pupilsByEmail.count + roster.contactsByEmail.count)
            contactEmails.reserveCapacity(roster.contactsByEmail.count)
            let position = { (key: String) in roster.studentPosition(forKey: key).map(Int32.init) }
            roster.pupilsByEmail.forEach { email, pupils in
                // Through the key, as contacts link pupils: a repeated key means its first pupil.
                byEmail[email] = pupils.compactMap { position(roster.students.key(at: $0)) }
            }
            for contact in roster.contacts.indices {
                let linked = roster.contacts.pupilKeys(at: contact).compactMap(position)
                for email in roster.contacts.emails(at: contact) {
                    let lower = email.lowercasedIfNeeded
                    // One lookup: appended to in place when the address is known already.
                    guard let known = byEmail.index(forKey: lower) else {
                        contactEmails.insert(lower)
                        byEmail[lower] = linked
                        continue
                    }
                    if byEmail.values[known].isEmpty { contactEmails.insert(lower) }
                    let added = linked.filter { !byEmail.values[known].contains($0) }
                    byEmail.values[known].append(contentsOf: added)
                }
            }
            studentsByEmail = byEmail
            self.contactEmails = contactEmails
        }
    }

    /// `other`'s tables with `automaton` in place of its own.
    /// The identity references to the pupil at roster position `student` count by: its
    /// key node, shared by every position with the same key. A position outside the
    /// roster (never made by the scanners) is its own stand-in, never a roster pupil's.
    func identity(ofStudent student: Int32) -> PupilReference.Identity {
        keyNodes.indices.contains(Int(student)) ? .pupil(keyNode: keyNodes[Int(student)]) : .unlinked("position#\(student)")
    }

    init(_ other: RosterIndex, automaton: WordAutomaton) {
        students = other.students
        keyNodes = other.keyNodes
        self.automaton = automaton
        entries = other.entries
        familyNames = other.familyNames
        studentByUPN = other.studentByUPN
        studentByULN = other.studentByULN
        studentsByEmail = other.studentsByEmail
        contactEmails = other.contactEmails
    }

    /// What pattern `pattern` stands for: its values' entries, in order (an entry two
    /// patterns share, as a postcode's two spellings do, is in `entries` twice; its
    /// owners are one shared array).
    @inline(__always)
    func entries(of pattern: Int) -> ArraySlice<RosterEntry> {
        entries[Int(automaton.valueStart[pattern])..<Int(automaton.valueStart[pattern + 1])]
    }

    static func compactPostcode(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (every real postcode): letters and digits, upper-cased, byte by byte.
            let kept = value.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case 97...122: byte - 32
                case 65...90, 48...57: byte
                default: nil
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
        return String(value.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
