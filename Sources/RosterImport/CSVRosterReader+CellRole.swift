import ChaperoneModel
import Detectors

extension CSVRosterReader {
    /// What the cells of one column are, looked up once per file instead of in four
    /// tables for every cell of every row.
    enum CellRole {
        case ignored
        case column(MISColumn)
        case consent(heading: String, purposes: [ConsentPurpose])
        case addressLine(Int)
        case contact(ContactHeading)

        /// The role of each of `columns` positions under `layout` (positions past the
        /// header's are ignored).
        static func roles(of layout: Layout, columns: Int) -> [CellRole] {
            (0..<columns).map { position in
                if let column = layout.columns[position] { return .column(column) }
                if let consent = layout.consents[position] { return .consent(heading: consent.heading, purposes: consent.purposes) }
                if let line = layout.addressLines[position] { return .addressLine(line) }
                if let heading = layout.contacts[position] { return .contact(heading) }
                return .ignored
            }
        }
    }
}

/// A row's contact blocks (`Contact 1 …`, `Contact 2 …`) by number, in a small array
/// kept in number order: a missing number reads as an empty contact.
struct NumberedContacts {
    private var entries: [(number: Int, record: ContactRecord)] = []

    subscript(number: Int) -> ContactRecord {
        get { entries.first { $0.number == number }?.record ?? ContactRecord() }
        set {
            if let index = entries.firstIndex(where: { $0.number == number }) {
                entries[index].record = newValue
            } else {
                let index = entries.firstIndex { $0.number > number } ?? entries.count
                entries.insert((number, newValue), at: index)
            }
        }
    }

    /// The contacts in number order.
    var inOrder: [ContactRecord] { entries.map(\.record) }
}
