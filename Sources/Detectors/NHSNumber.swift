/// NHS number checks: ten digits, Σ dᵢ × (10…1) ≡ 0 (mod 11) (a check value of 10 is
/// never issued, which this rule already excludes), and the issuing range.
public enum NHSNumber {
    /// Who issues numbers in a range (first three digits).
    public enum Range: String, Sendable, Hashable {
        case scotlandCHI = "Scotland CHI"
        case northernIreland = "Northern Ireland"
        case englandWales = "England/Wales/IoM"
        case internalTesting = "NHS internal testing"
        case ireland = "Republic of Ireland"
        case unallocated = "test or unallocated"
    }

    /// True when `value` (digits only) has a valid NHS check digit.
    public static func isValid(_ value: String) -> Bool {
        isValid(digits: Array(value.utf8)[...])
    }

    static func isValid(digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 10, let total = WeightedDigits.total(digits) else { return false }
        return total % 11 == 0
    }

    /// The issuing range of a ten-digit value.
    public static func range(of value: String) -> Range {
        range(digits: Array(value.utf8)[...])
    }

    static func range(digits: ArraySlice<UInt8>) -> Range {
        let prefix = digits.prefix(3).reduce(0) { $0 * 10 + Int($1 &- 48) }
        switch prefix {
        case 10...319: return .scotlandCHI
        case 320...399: return .northernIreland
        case 400...499, 600...799: return .englandWales
        case 500...599: return .internalTesting
        case 800...859: return .ireland
        default: return .unallocated
        }
    }
}
