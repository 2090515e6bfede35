/// One contact's values as UTF-8 bytes in one reusable buffer, appended to a
/// `ContactTable` with `append(_:)` without a `Contact` or a String per value.
public struct ContactRow: Sendable {
    /// The lists a contact has.
    public enum List: Int, CaseIterable, Sendable {
        case emails, phones, pupilKeys, restrictedPupilKeys
    }

    /// Every value's bytes, one after another.
    public private(set) var bytes: [UInt8] = []
    fileprivate var key = 0..<0
    fileprivate var name = 0..<0
    fileprivate var relationship: Range<Int>?
    fileprivate var lists: [[Range<Int>]] = Array(repeating: [], count: List.allCases.count)
    fileprivate var responsibility: [(pupilKey: Range<Int>, value: Bool)] = []

    public init() {}

    /// Empties the row for the next contact, keeping its buffers.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        key = 0..<0
        name = 0..<0
        relationship = nil
        for index in lists.indices { lists[index].removeAll(keepingCapacity: true) }
        responsibility.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func written(_ write: (inout [UInt8]) -> Void) -> Range<Int> {
        let start = bytes.count
        write(&bytes)
        return start..<bytes.count
    }

    /// Sets the key to the bytes `write` appends (valid UTF-8).
    public mutating func setKey(_ write: (inout [UInt8]) -> Void) { key = written(write) }

    /// Sets the name to the bytes `write` appends (valid UTF-8).
    public mutating func setName(_ write: (inout [UInt8]) -> Void) { name = written(write) }

    /// Sets the relationship to the bytes `write` appends (valid UTF-8); unset is nil.
    public mutating func setRelationship(_ write: (inout [UInt8]) -> Void) { relationship = written(write) }

    /// Adds to `list` the bytes `write` appends (valid UTF-8).
    public mutating func add(to list: List, _ write: (inout [UInt8]) -> Void) {
        let range = written(write)
        lists[list.rawValue].append(range)
    }

    /// Records whether the contact has parental responsibility for the pupil whose key
    /// `write` appends; at most one answer per pupil.
    public mutating func addResponsibility(_ value: Bool, pupilKey write: (inout [UInt8]) -> Void) {
        let range = written(write)
        responsibility.append((range, value))
    }
}

extension ContactTable {
    /// Adds the contact in `row` at the end, as `append(_ contact:)` stores one (the
    /// responsibility answers in pupil-key order).
    public mutating func append(_ row: ContactRow) {
        row.bytes.withUnsafeBufferPointer { buffer in
            func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[range]) }
            appendTexts(key: text(row.key), name: text(row.name), relationship: row.relationship.map(text))
            appendLists(row.lists, in: buffer)
            var answers = row.responsibility
            if answers.count > 1 {
                let keys = answers.map { String(decoding: text($0.pupilKey), as: UTF8.self) }
                let order = keys.indices.sorted { keys[$0] < keys[$1] }
                answers = order.map { answers[$0] }
            }
            appendResponsibility(answers.map { (text($0.pupilKey), $0.value) })
        }
    }
}
