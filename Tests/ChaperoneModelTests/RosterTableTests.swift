import Testing
@testable import ChaperoneModel

/// `StudentTable`, `ContactTable` and `PackedStrings` give back exactly what was put in,
/// including the difference between an absent field and an empty one, which the
/// importer never makes but a hand-built roster can.
@Suite struct RosterTableTests {
    static func pupils() -> [Student] {
        var full = Student(
            key: "P-0123456789AB", upn: "A123456789012", uln: "1234567890", legalForename: "Ngọc Ánh",
            preferredForename: "Annie", middleNames: "Grâce Élodie", surname: "Ó Súilleabháin",
            dateOfBirth: SchoolDate(year: 2012, month: 2, day: 29), yearGroup: "Y7", regGroup: "7Ω",
            schoolEmail: "n.osuilleabhain@pupils.example", personalEmails: ["a@gmail.com", "Ü@例え.jp"],
            addressLines: ["Flat 2, 95 Rue de l’Église", "Roundhay", ""], postcode: "LS17 5DL",
            senStatus: "E", freeSchoolMeals: true, contactKeys: ["contact-1", "contact-2"])
        full.imageConsent.record(true, for: .website)
        full.imageConsent.record(false, for: .pressAndMedia)
        var empties = Student(key: "", upn: "", uln: "", legalForename: "", preferredForename: "", middleNames: "",
                              surname: "", yearGroup: "", regGroup: "", schoolEmail: "", personalEmails: [""],
                              addressLines: [""], postcode: "", senStatus: "", freeSchoolMeals: false, contactKeys: [""])
        empties.imageConsent.record(false, for: .schoolPublications)
        let bare = Student(key: "roster.csv:3", legalForename: "李娜", surname: "Dvořák",
                           dateOfBirth: SchoolDate(year: 1, month: 1, day: 1))
        let long = Student(key: String(repeating: "k", count: 300), legalForename: String(repeating: "é", count: 500),
                           surname: "Zoë\u{301}", dateOfBirth: SchoolDate(year: 9999, month: 12, day: 31))
        return [full, empties, bare, long, full]
    }

    @Test func everyPupilReadsBackWholeAndFieldByField() {
        let students = Self.pupils()
        let table = StudentTable(students)
        #expect(table.count == students.count)
        #expect(Array(table) == students)
        for (position, student) in students.enumerated() {
            #expect(table.key(at: position) == student.key)
            #expect(table.string(.preferredForename, at: position) == student.preferredForename)
            #expect(table.has(.upn, at: position) == (student.upn != nil))
            #expect(table.forenames(at: position) == student.forenames)
            #expect(table.dateOfBirth(at: position) == student.dateOfBirth)
            #expect(table.imageConsent(at: position) == student.imageConsent)
            #expect(table.firstAddressLine(at: position) == student.addressLines.first)
        }
    }

    @Test func everyContactReadsBack() {
        var linked = Contact(key: "contact-1", name: "Agnès O’Neill", relationship: "Mother", emails: ["agnes@example.org", ""],
                             phones: ["07700 900142"], pupilKeys: ["P-1", "P-2", "P-3"])
        linked.parentalResponsibility = ["P-1": true, "P-2": false]
        linked.restrictedPupilKeys = ["P-3"]
        let bare = Contact(key: "contact-2", name: "", relationship: "")
        let contacts = [linked, bare, Contact(key: "contact-3", name: "Håkon")]
        let table = ContactTable(contacts)
        #expect(Array(table) == contacts)
        #expect(table.lacksParentalResponsibility(at: 0, for: "P-2") && !table.lacksParentalResponsibility(at: 0, for: "P-1"))
        #expect(!table.lacksParentalResponsibility(at: 0, for: "P-3"))
        #expect(table[2].relationship == nil && table[1].relationship == "")
    }

    @Test func rosterLookupsUseThePackedColumns() {
        let students = Self.pupils()
        let roster = Roster(students: students, contacts: [Contact(key: "contact-1", name: "A", emails: ["Parent@Example.org"], pupilKeys: ["P-0123456789AB"])])
        #expect(roster.student(forKey: "P-0123456789AB") == students[0])
        #expect(roster.studentPosition(forKey: "P-0123456789AB") == 0)  // the first of a repeated key
        #expect(roster.pupilKeys(ofAddress: "ü@例え.jp") == ["P-0123456789AB", "P-0123456789AB"])
        #expect(roster.contactPosition(forKey: "contact-1") == 0)
        #expect(roster.pupilKeys(ofContactAddress: "parent@example.org") == ["P-0123456789AB"])
    }

    @Test func rowsAppendWhatObjectsAppend() {
        var table = StudentTable()
        var row = StudentRow()
        for student in Self.pupils() {
            row.removeAll()
            func text(_ value: String) -> (inout [UInt8]) -> Void { { $0.append(contentsOf: value.utf8) } }
            let fields: [(StudentTable.Field, String?)] = [
                (.key, student.key), (.upn, student.upn), (.uln, student.uln), (.legalForename, student.legalForename),
                (.preferredForename, student.preferredForename), (.middleNames, student.middleNames), (.surname, student.surname),
                (.yearGroup, student.yearGroup), (.regGroup, student.regGroup), (.schoolEmail, student.schoolEmail),
                (.postcode, student.postcode), (.senStatus, student.senStatus),
            ]
            for (field, value) in fields { if let value { row.set(field, text(value)) } }
            for email in student.personalEmails { row.add(to: .personalEmails, text(email)) }
            for line in student.addressLines { row.add(to: .addressLines, text(line)) }
            for key in student.contactKeys { row.add(to: .contactKeys, text(key)) }
            row.dateOfBirth = student.dateOfBirth
            row.freeSchoolMeals = student.freeSchoolMeals
            for (purpose, granted) in student.imageConsent.recorded { row.recordConsent(granted, for: purpose) }
            table.append(row)
        }
        #expect(table == StudentTable(Self.pupils()))
        var consent = StudentRow()
        consent.recordConsent(true, for: .website)
        consent.recordConsent(false, for: .website)
        consent.recordConsent(true, for: .website)
        var expected = ImageConsent()
        expected.record(true, for: .website)
        expected.record(false, for: .website)
        expected.record(true, for: .website)
        consent.set(.key) { _ in }
        var one = StudentTable()
        one.append(consent)
        #expect(one.imageConsent(at: 0) == expected)

        var linked = Contact(key: "contact-1", name: "Agnès", relationship: "Mother", emails: ["a@example.org", ""],
                             phones: ["07700 900142"], pupilKeys: ["P-2", "P-1"])
        linked.parentalResponsibility = ["P-2": false, "P-1": true, "P-10": true]
        linked.restrictedPupilKeys = ["P-3"]
        var contacts = ContactTable()
        var contactRow = ContactRow()
        for contact in [linked, Contact(key: "contact-2", name: "")] {
            contactRow.removeAll()
            func text(_ value: String) -> (inout [UInt8]) -> Void { { $0.append(contentsOf: value.utf8) } }
            contactRow.setKey(text(contact.key))
            contactRow.setName(text(contact.name))
            if let relationship = contact.relationship { contactRow.setRelationship(text(relationship)) }
            for email in contact.emails { contactRow.add(to: .emails, text(email)) }
            for phone in contact.phones { contactRow.add(to: .phones, text(phone)) }
            for key in contact.pupilKeys { contactRow.add(to: .pupilKeys, text(key)) }
            for key in contact.restrictedPupilKeys { contactRow.add(to: .restrictedPupilKeys, text(key)) }
            for (key, value) in contact.parentalResponsibility { contactRow.addResponsibility(value, pupilKey: text(key)) }
            contacts.append(contactRow)
        }
        #expect(contacts == ContactTable([linked, Contact(key: "contact-2", name: "")]))
    }

    @Test func lookupsTreatCanonicallyEqualKeysAndAddressesAsOne() {
        let students = [Student(key: "caf\u{E9}.csv:2", legalForename: "A", surname: "B", schoolEmail: "\u{E9}lise@x.org"),
                        Student(key: "cafe\u{301}.csv:2", legalForename: "C", surname: "D", schoolEmail: "e\u{301}lise@x.org")]
        let roster = Roster(students: students)
        #expect(roster.studentPosition(forKey: "cafe\u{301}.csv:2") == 0 && roster.studentPosition(forKey: "caf\u{E9}.csv:2") == 0)
        #expect(roster.pupilsByEmail.positions(of: "e\u{301}lise@x.org") == [0, 1] && roster.pupilsByEmail.count == 1)
        #expect(roster.studentPosition(forKey: "cafe.csv:2") == nil)
    }

    @Test func packedStringsKeepEmptyAndMultibyteValues() {
        var packed = PackedStrings()
        let values = ["", "a", "", "Zoë", String(repeating: "x", count: 1000), "😀"]
        for value in values { packed.append(value) }
        #expect(packed.count == values.count)
        #expect((0..<values.count).map { packed[$0] } == values)
        #expect(packed.byteCount(3) == 4)
        var lists = PackedLists()
        lists.append([])
        lists.append(["a", ""])
        lists.append(["b"])
        #expect(lists.count == 3 && lists[0].isEmpty && lists[1] == ["a", ""] && lists[2] == ["b"])
    }

    /// The columns sit behind one shared reference: a copy written to leaves the table it
    /// was copied from as it was, and equality and hashing go by content.
    @Test func aCopyWrittenToLeavesTheOriginalAsItWas() {
        let students = Self.pupils()
        let original = StudentTable(students)
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        let added = Student(key: "added", legalForename: "Ola", surname: "Nowak", schoolEmail: "o.nowak@pupils.example")
        copy.append(added)
        #expect(original.count == students.count && Array(original) == students)
        #expect(copy.count == students.count + 1 && copy.key(at: students.count) == "added")
        #expect(copy.string(.schoolEmail, at: students.count) == "o.nowak@pupils.example")
        #expect(copy != original)
        // Equal content in separate storage is equal, and hashes alike.
        let rebuilt = StudentTable(students)
        #expect(rebuilt == original && rebuilt.hashValue == original.hashValue)
        var emptied = original
        emptied.reserveCapacity(100)
        #expect(emptied == original && Array(original) == students)
    }
}
