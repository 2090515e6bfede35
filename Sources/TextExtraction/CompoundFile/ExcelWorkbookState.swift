/// What the globals substream of a `.xls` says that the cells need: shared strings, sheet
/// names by stream offset, number formats (to tell dates) and the 1904 date system.
struct ExcelWorkbookState {
    var sawGlobals = false
    var sharedStrings: [String] = []
    var sheetNames: [Int: String] = [:]
    var orderedSheetNames: [String] = []
    var cellFormats: [Int] = []
    var dateFormats = Set<Int>([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])
    var uses1904 = false

    func sheetName(at offset: Int, ordinal: Int) -> String {
        sheetNames[offset] ?? (orderedSheetNames.indices.contains(ordinal) ? orderedSheetNames[ordinal] : "sheet \(ordinal + 1)")
    }

    mutating func readGlobal(_ type: UInt16, _ payload: [UInt8]) {
        switch type {
        case 0x0085:
            guard let position = payload.u32(at: 0), let count = payload.u8(at: 6), let flags = payload.u8(at: 7) else { return }
            let name = ExcelSharedStrings.characters(payload.dropFirst(8), highByte: flags & 1 == 1, count: Int(count))
            sheetNames[Int(position)] = name
            orderedSheetNames.append(name)
        case 0x00E0:
            cellFormats.append(Int(payload.u16(at: 2) ?? 0))
        case 0x041E:
            guard let id = payload.u16(at: 0), let code = ExcelSharedStrings.unicodeString(payload, at: 2) else { return }
            if Self.isDateFormat(code) { dateFormats.insert(Int(id)) } else { dateFormats.remove(Int(id)) }
        case 0x0022:
            uses1904 = payload.u16(at: 0) == 1
        default:
            break
        }
    }

    /// The cells one record holds (`stringFormula` is set when a STRING record follows).
    typealias Cell = (row: Int, column: Int, text: String)

    func cells(_ type: UInt16, _ payload: [UInt8], stringFormula: inout (row: Int, column: Int)?) -> [Cell] {
        guard let row = payload.u16(at: 0).map(Int.init), let column = payload.u16(at: 2).map(Int.init) else { return [] }
        let format = Int(payload.u16(at: 4) ?? 0)
        switch type {
        case 0x00FD:
            guard let index = payload.u32(at: 6), Int(index) < sharedStrings.count else { return [] }
            return [(row, column, sharedStrings[Int(index)])]
        case 0x0204, 0x00D6:
            guard let text = ExcelSharedStrings.unicodeString(payload, at: 6) else { return [] }
            return [(row, column, text)]
        case 0x0203:
            guard let bits = payload.u64(at: 6) else { return [] }
            return [(row, column, number(Double(bitPattern: bits), format: format))]
        case 0x027E:
            guard let rk = payload.u32(at: 6) else { return [] }
            return [(row, column, number(Self.rkValue(rk), format: format))]
        case 0x00BD:
            let count = max(0, (payload.count - 6) / 6)
            return (0..<count).compactMap { index -> Cell? in
                guard let xf = payload.u16(at: 4 + 6 * index), let rk = payload.u32(at: 6 + 6 * index) else { return nil }
                return (row, column + index, number(Self.rkValue(rk), format: Int(xf)))
            }
        case 0x0006:
            guard let bits = payload.u64(at: 6) else { return [] }
            if bits >> 48 == 0xFFFF {
                if payload.u8(at: 6) == 0 { stringFormula = (row, column) }
                return []
            }
            return [(row, column, number(Double(bitPattern: bits), format: format))]
        default:
            return []
        }
    }

    func number(_ value: Double, format xf: Int) -> String {
        guard value.isFinite else { return "" }
        if cellFormats.indices.contains(xf), dateFormats.contains(cellFormats[xf]), value >= 1, value < 2_958_466 {
            return SerialDate.text(Int(value), uses1904: uses1904)
        }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func rkValue(_ rk: UInt32) -> Double {
        let value = rk & 0x02 != 0 ? Double(Int32(bitPattern: rk) >> 2) : Double(bitPattern: UInt64(rk & 0xFFFF_FFFC) << 32)
        return rk & 0x01 != 0 ? value / 100 : value
    }

    /// True when a number-format code shows a date (day or year outside quotes/brackets).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "d" where !quoted && !bracket, "y" where !quoted && !bracket: return true
            default: break
            }
        }
        return false
    }
}

/// A spreadsheet date serial as dd/mm/yyyy (UK order, as schools write dates).
enum SerialDate {
    static func text(_ serial: Int, uses1904: Bool) -> String {
        // Excel's 1900 system counts a 29 Feb 1900 that never was.
        let unixDays = uses1904 ? serial - 24_107 : serial - (serial < 61 ? 25_568 : 25_569)
        let z = unixDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(day))/\(two(month))/\(year)"
    }
}
