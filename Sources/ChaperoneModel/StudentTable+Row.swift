/// One pupil's values as UTF-8 bytes in one reusable buffer, appended to a
/// `StudentTable` with `append(_:)` without a `Student` or a String per field: the
/// importer writes each cleaned cell straight into it. Key, legal forename and surname
/// must be set; every other field left unset is absent (nil).
public struct StudentRow: Sendable {
    /// The lists a pupil has.
    public enum List: Int, CaseIterable, Sendable {
        case personalEmails, addressLines, contactKeys
    }

    /// Every value's bytes, one after another.
    public private(set) var bytes: [UInt8] = []
    fileprivate var fields: [Range<Int>?] = Array(repeating: nil, count: StudentTable.Field.allCases.count)
    fileprivate var lists: [[Range<Int>]] = Array(repeating: [], count: List.allCases.count)
    public var dateOfBirth: SchoolDate?
    public var freeSchoolMeals: Bool?
    fileprivate var consentRecorded: UInt8 = 0
    fileprivate var consentGranted: UInt8 = 0

    public init() {}

    /// Empties the row for the next pupil, keeping its buffers.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        for index in fields.indices { fields[index] = nil }
        for index in lists.indices { lists[index].removeAll(keepingCapacity: true) }
        dateOfBirth = nil
        freeSchoolMeals = nil
        consentRecorded = 0
        consentGranted = 0
    }

    /// Sets `field` to the bytes `write` appends to the buffer it is given (valid UTF-8).
    @inline(__always)
    public mutating func set(_ field: StudentTable.Field, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        fields[field.rawValue] = start..<bytes.count
    }

    /// Adds to `list` the bytes `write` appends to the buffer it is given (valid UTF-8).
    @inline(__always)
    public mutating func add(to list: List, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        lists[list.rawValue].append(start..<bytes.count)
    }

    /// Records an image consent as `ImageConsent.record` does: a refusal wins.
    public mutating func recordConsent(_ granted: Bool, for purpose: ConsentPurpose) {
        guard let bit = ConsentPurpose.allCases.firstIndex(of: purpose) else { return }
        let mask = UInt8(1) << UInt8(bit)
        let before = consentRecorded & mask == 0 ? true : consentGranted & mask != 0
        consentRecorded |= mask
        if before && granted { consentGranted |= mask } else { consentGranted &= ~mask }
    }
}

extension StudentTable {
    /// Adds the pupil in `row` at the end.
    public mutating func append(_ row: StudentRow) {
        withColumns { columns in
            var mask: UInt16 = 0
            row.bytes.withUnsafeBufferPointer { buffer in
                for (index, range) in row.fields.enumerated() {
                    if range != nil { mask |= 1 << UInt16(index) }
                    columns.fields.append(UnsafeBufferPointer(rebasing: buffer[range ?? 0..<0]))
                }
                columns.personalEmailLists.append(row.lists[StudentRow.List.personalEmails.rawValue], in: buffer)
                columns.addressLineLists.append(row.lists[StudentRow.List.addressLines.rawValue], in: buffer)
                columns.contactKeyLists.append(row.lists[StudentRow.List.contactKeys.rawValue], in: buffer)
            }
            columns.appendIntegers(present: mask, dateOfBirth: row.dateOfBirth, freeSchoolMeals: row.freeSchoolMeals,
                                   consentRecorded: row.consentRecorded, consentGranted: row.consentGranted)
        }
    }
}
