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
