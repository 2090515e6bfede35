import ChaperoneModel
import Detectors

extension CSVRosterReader {
    /// Fills `cells` with one pupil row: each cell a role uses, trimmed and copied as
    /// bytes (no String), lists split, contact blocks by number. Sets `filled` for each
    /// named column that holds a value.
    func fill(_ cells: inout PupilCells, row: CSVTable.Row, roles: [CellRole], bytes: UnsafeBufferPointer<UInt8>,
              filled: inout [Bool]) {
        cells.reset(at: .line(row.line))
        let first = row.fields.lowerBound
        for position in 0..<table.fieldCount(of: row) {
            let role = roles[position]
            if case .ignored = role { continue }
            let value = CellBytes.trimmed(table.cells[first + position], in: bytes)
            guard !value.isEmpty else { continue }
            let text = UnsafeBufferPointer(rebasing: bytes[value])
            switch role {
            case .ignored: continue
            case .column(let column):
                filled[position] = true
                assign(text, range: value, to: column, in: &cells, bytes: bytes)
            case .consent(let heading, let purposes):
                cells.consents.append((heading, purposes, cells.append(text)))
            case .addressLine(let line):
                cells.addressCells.append((line, value))
            case .contact(let heading):
                let number = heading.number
                let index = cells.contactIndex(number)
                switch heading.field {
                case .name: cells.contacts[index].name = cells.append(text)
                case .forename: cells.contacts[index].forename = cells.append(text)
                case .surname: cells.contacts[index].surname = cells.append(text)
                case .email:
                    CellBytes.forEachListItem(value, of: bytes) { cells.contactItems.append((number, .email, cells.append($0))) }
                case .relationship: cells.contacts[index].relationship = cells.append(text)
                case .mobile, .phone: cells.contactItems.append((number, .phone, cells.append(text)))
                case .parentalResponsibility: cells.contacts[index].responsibility = cells.append(text)
                case .restriction: cells.contactItems.append((number, .restriction, cells.append(text)))
                }
            }
        }
        for index in cells.contacts.indices where cells.contacts[index].name == nil {
            // "Contact 1 Forename" and "Contact 1 Surname" without a name column: joined with a space.
            let parts = [cells.contacts[index].forename, cells.contacts[index].surname].compactMap { $0 }
            guard !parts.isEmpty else { continue }
            let start = cells.bytes.count
            for (number, part) in parts.enumerated() {
                if number > 0 { cells.bytes.append(32) }
                cells.bytes.append(contentsOf: cells.bytes[part])
            }
            cells.contacts[index].name = start..<cells.bytes.count
        }
        if cells.addressCells.count > 1 { cells.addressCells.sort { $0.line < $1.line } }
        for (_, value) in cells.addressCells {
            CellBytes.forEachAddressLine(value, of: bytes) { cells.addressLines.append(cells.append($0)) }
        }
    }

    private func assign(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, to column: MISColumn, in cells: inout PupilCells,
                        bytes: UnsafeBufferPointer<UInt8>) {
        let value: PupilCells.Value
        switch column {
        case .upn: value = .upn
        case .uln: value = .uln
        case .surname: value = .surname
        case .forename: value = .forename
        case .preferredForename: value = .preferredForename
        case .middleNames: value = .middleNames
        case .dateOfBirth: value = .dateOfBirth
        case .yearGroup: value = .yearGroup
        case .regGroup: value = .regGroup
        case .pupilEmail: value = .schoolEmail
        case .postcode: value = .postcode
        case .senStatus: value = .senStatus
        case .freeSchoolMeals: value = .freeSchoolMeals
        case .personalEmail:
            CellBytes.forEachListItem(range, of: bytes) { cells.personalEmails.append(cells.append($0)) }
            return
        case .address:
            cells.addressCells.append((0, range))
            return
        case .admissionNumber, .gender, .ethnicity, .preferredSurname: return
        }
        cells.values[value.rawValue] = cells.append(text)
    }
}
