/// Unique Learner Number checks: ten digits, first non-zero, Σ dᵢ × (10…1) ≡ 10 (mod 11).
/// No ten-digit string is both a valid ULN and a valid NHS number (which needs ≡ 0).
public enum UniqueLearnerNumber {
    /// True when `value` is ten digits with a valid ULN check digit.
    public static func isValid(_ value: String) -> Bool {
        isValid(digits: Array(value.utf8)[...])
    }

    static func isValid(digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 10, digits.first != 48 else { return false }
        guard let total = WeightedDigits.total(digits) else { return false }
        return total % 11 == 10
    }
}

/// Σ dᵢ × (10…1) over ten ASCII digits, shared by the ULN and NHS checks.
enum WeightedDigits {
    static func total(_ digits: ArraySlice<UInt8>) -> Int? {
        var total = 0
        var weight = 10
        for byte in digits {
            guard byte >= 48 && byte <= 57 else { return nil }
            total += Int(byte - 48) * weight
            weight -= 1
        }
        return total
    }
}
