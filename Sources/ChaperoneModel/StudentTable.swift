/// The roster's pupils in columns: their text in one `PackedStrings` (a fixed number of
/// fields per pupil), lists packed per pupil, and dates, flags and consents as integers.
/// A `Student` is made on demand when a caller reads one (`table[i]`); detection and
/// policy, which run over every pupil at every load, read single fields instead
/// (`key(at:)`, `withUTF8(.surname, at:)`) and make no per-pupil object.
public struct StudentTable: RandomAccessCollection, Sendable, Hashable {
    /// The text fields every pupil has a slot for; an optional one absent is marked in `present`.
    public enum Field: Int, CaseIterable, Sendable {
        case key, upn, uln, legalForename, preferredForename, middleNames, surname
        case yearGroup, regGroup, schoolEmail, postcode, senStatus
    }

    /// The columns themselves, behind one reference: a copy of the table (into a
    /// detection session, out of a roster) is one retain, not one for each column (on a
    /// trust's hundred schools, each retain of a cold column is a cache miss). Copied on
    /// the first write to a shared table, as an array is.
    struct Columns: Hashable, Sendable {
        var fields = PackedStrings()
        /// Per pupil, bit `Field.rawValue` set when that field holds a value (not nil).
        var present: [UInt16] = []
        /// Per pupil, the date of birth packed as `(year * 16 + month) * 32 + day`; `noDate` for none.
        var dates: [Int64] = []
        /// Per pupil, free school meals: 0 not recorded, 1 no, 2 yes.
        var meals: [UInt8] = []
        /// Per pupil, bit `i` set when `ConsentPurpose.allCases[i]` was recorded, and granted.
        var consentRecorded: [UInt8] = []
        var consentGranted: [UInt8] = []
        var personalEmailLists = PackedLists()
        var addressLineLists = PackedLists()
        var contactKeyLists = PackedLists()

        /// Completes the pupil being added with its integer columns.
        mutating func appendIntegers(present mask: UInt16, dateOfBirth: SchoolDate?, freeSchoolMeals: Bool?,
                                     consentRecorded recorded: UInt8, consentGranted granted: UInt8) {
            present.append(mask)
            dates.append(dateOfBirth.map(StudentTable.packed) ?? StudentTable.noDate)
            meals.append(freeSchoolMeals.map { $0 ? 2 : 1 } ?? 0)
            consentRecorded.append(recorded)
            consentGranted.append(granted)
        }
    }

    /// The one reference a table's copies share; written only after `makeUnique()`, so
    /// never while another table holds it.
    final class Storage: @unchecked Sendable {
        var columns: Columns
        init(_ columns: Columns) { self.columns = columns }
    }

    private var storage = Storage(Columns())

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.columns) }
    }

    /// The columns, read in place; written after `makeUnique()`.
    private var columns: Columns {
        _read { yield storage.columns }
        _modify {
            makeUnique()
            yield &storage.columns
        }
    }

    public static func == (lhs: StudentTable, rhs: StudentTable) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.columns == rhs.storage.columns
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.columns) }

    fileprivate static let noDate = Int64.min
    private static let fieldCount = Field.allCases.count

    public init() {}

    /// The table of `students`, in order.
    public init<Students: Sequence<Student>>(_ students: Students) {
        self.init()
        reserveCapacity(students.underestimatedCount)
        for student in students { append(student) }
    }

    /// Reserves room for `count` more pupils.
    public mutating func reserveCapacity(_ count: Int) {
        columns.fields.reserve(strings: count * Self.fieldCount, bytesEach: 8)
        columns.present.reserveCapacity(columns.present.count + count)
        columns.dates.reserveCapacity(columns.dates.count + count)
        columns.meals.reserveCapacity(columns.meals.count + count)
        columns.consentRecorded.reserveCapacity(columns.consentRecorded.count + count)
        columns.consentGranted.reserveCapacity(columns.consentGranted.count + count)
    }

    /// Adds one pupil at the end.
    public mutating func append(_ student: Student) {
        var mask: UInt16 = 0
        func put(_ field: Field, _ value: String?) {
            assert(columns.fields.count == columns.present.count * Self.fieldCount + field.rawValue)
            if value != nil { mask |= 1 << UInt16(field.rawValue) }
            columns.fields.append(value ?? "")
        }
        put(.key, student.key)
        put(.upn, student.upn)
        put(.uln, student.uln)
        put(.legalForename, student.legalForename)
        put(.preferredForename, student.preferredForename)
        put(.middleNames, student.middleNames)
        put(.surname, student.surname)
        put(.yearGroup, student.yearGroup)
        put(.regGroup, student.regGroup)
        put(.schoolEmail, student.schoolEmail)
        put(.postcode, student.postcode)
        put(.senStatus, student.senStatus)
        var recorded: UInt8 = 0, granted: UInt8 = 0
        for (bit, purpose) in ConsentPurpose.allCases.enumerated() {
            guard let value = student.imageConsent.recorded[purpose] else { continue }
            recorded |= 1 << UInt8(bit)
            if value { granted |= 1 << UInt8(bit) }
        }
        columns.personalEmailLists.append(student.personalEmails)
        columns.addressLineLists.append(student.addressLines)
        columns.contactKeyLists.append(student.contactKeys)
        appendColumns(present: mask, dateOfBirth: student.dateOfBirth, freeSchoolMeals: student.freeSchoolMeals,
                      consentRecorded: recorded, consentGranted: granted)
    }

    /// Runs `body` on the columns in one write access: a row's dozen appends are then
    /// stores into a struct, not an exclusivity-checked class access each.
    mutating func withColumns<Result>(_ body: (inout Columns) -> Result) -> Result { body(&columns) }

    /// Completes the pupil being added with its integer columns.
    mutating func appendColumns(present mask: UInt16, dateOfBirth: SchoolDate?, freeSchoolMeals: Bool?,
                                consentRecorded recorded: UInt8, consentGranted granted: UInt8) {
        columns.appendIntegers(present: mask, dateOfBirth: dateOfBirth, freeSchoolMeals: freeSchoolMeals,
                               consentRecorded: recorded, consentGranted: granted)
    }

    /// A date in one integer; a year beyond ±2^50 (no roster has one) cannot be held.
    fileprivate static func packed(_ date: SchoolDate) -> Int64 {
        precondition(abs(date.year) < 1 << 50, "date of birth year \(date.year) out of range")
        return (Int64(date.year) * 16 + Int64(date.month)) * 32 + Int64(date.day)
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.present.count }

    /// The pupil at `position`, made from the columns.
    public subscript(position: Int) -> Student {
        var student = Student(
            key: key(at: position), upn: string(.upn, at: position), uln: string(.uln, at: position),
            legalForename: columns.fields[slot(.legalForename, position)], preferredForename: string(.preferredForename, at: position),
            middleNames: string(.middleNames, at: position), surname: columns.fields[slot(.surname, position)],
            dateOfBirth: dateOfBirth(at: position), yearGroup: string(.yearGroup, at: position),
            regGroup: string(.regGroup, at: position), schoolEmail: string(.schoolEmail, at: position),
            personalEmails: personalEmails(at: position), addressLines: columns.addressLineLists[position],
            postcode: string(.postcode, at: position), senStatus: string(.senStatus, at: position),
            freeSchoolMeals: columns.meals[position] == 0 ? nil : columns.meals[position] == 2,
            contactKeys: columns.contactKeyLists[position])
        student.imageConsent = imageConsent(at: position)
        return student
    }

    // MARK: Single fields

    @inline(__always)
    private func slot(_ field: Field, _ position: Int) -> Int { position * Self.fieldCount + field.rawValue }

    /// Whether pupil `position` has a value for `field` (always true for key and names).
    @inline(__always)
    public func has(_ field: Field, at position: Int) -> Bool { columns.present[position] & (1 << UInt16(field.rawValue)) != 0 }

    /// Field `field` of pupil `position`; nil when absent.
    public func string(_ field: Field, at position: Int) -> String? {
        has(field, at: position) ? columns.fields[slot(field, position)] : nil
    }

    /// Calls `body` with the UTF-8 bytes of field `field` of pupil `position` (empty when absent).
    @inline(__always)
    public func withUTF8<Result>(_ field: Field, at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try columns.fields.withUTF8(slot(field, position), body)
    }

    /// The roster key of pupil `position`.
    public func key(at position: Int) -> String { columns.fields[slot(.key, position)] }

    /// Pupil `position`'s date of birth.
    public func dateOfBirth(at position: Int) -> SchoolDate? {
        let packed = columns.dates[position]
        guard packed != Self.noDate else { return nil }
        let day = packed & 31, month = (packed >> 5) & 15, year = packed >> 9
        return SchoolDate(year: Int(year), month: Int(month), day: Int(day))
    }

    /// Pupil `position`'s own personal addresses.
    public func personalEmails(at position: Int) -> [String] { columns.personalEmailLists[position] }

    /// Calls `body` with the UTF-8 bytes of each of pupil `position`'s personal addresses.
    @inline(__always)
    public func forEachPersonalEmailUTF8(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try columns.personalEmailLists.forEachUTF8(position, body)
    }

    /// Pupil `position`'s first address line.
    public func firstAddressLine(at position: Int) -> String? {
        columns.addressLineLists.positions(position).first.map { columns.addressLineLists.items[$0] }
    }

    /// Pupil `position`'s contact keys.
    public func contactKeys(at position: Int) -> [String] { columns.contactKeyLists[position] }

    /// Every forename pupil `position` is known by (as `Student.forenames`).
    public func forenames(at position: Int) -> [String] {
        let legal = columns.fields[slot(.legalForename, position)]
        guard let preferred = string(.preferredForename, at: position), !preferred.isEmpty,
              preferred.lowercased() != legal.lowercased() else { return [legal] }
        return [legal, preferred]
    }

    /// True when the roster recorded any image consent for pupil `position`.
    public func hasRecordedConsent(at position: Int) -> Bool { columns.consentRecorded[position] != 0 }

    /// Pupil `position`'s recorded image consents.
    public func imageConsent(at position: Int) -> ImageConsent {
        let recorded = columns.consentRecorded[position], granted = columns.consentGranted[position]
        guard recorded != 0 else { return ImageConsent() }
        var consent = ImageConsent()
        for (bit, purpose) in ConsentPurpose.allCases.enumerated() where recorded & (1 << UInt8(bit)) != 0 {
            consent.recorded[purpose] = granted & (1 << UInt8(bit)) != 0
        }
        return consent
    }
}
