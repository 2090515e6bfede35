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
}
