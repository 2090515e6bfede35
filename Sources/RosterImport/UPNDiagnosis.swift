import Detectors

/// Says exactly what is wrong with a UPN that failed validation.
enum UPNDiagnosis {
    static func reason(_ value: String) -> String {
        guard value.count == 13 else {
            return "UPN must be 13 characters (a letter, then 12 digits or 11 digits and a letter), found \(value.count); value ignored"
        }
        let body = String(value.dropFirst())
        guard let expected = UniquePupilNumber.checkLetter(forBody: body) else {
            return "UPN characters 2–13 must be digits (the last may be a letter); value ignored"
        }
        if let first = value.first, first != expected {
            return "wrong UPN check letter \(first) (the digits give \(expected)); value ignored"
        }
        return "UPN local-authority code \(value.dropFirst().prefix(3)) is never issued; value ignored"
    }
}
