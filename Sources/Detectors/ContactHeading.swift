/// A contact-block column heading: `Contact 1 Name`, `Contact 2 Email`,
/// `Contact3Relationship`, `Contact 1 Mobile` (N = 1…9).
public struct ContactHeading: Hashable, Sendable {
    /// Which contact field the column holds.
    public enum Field: String, Sendable, Hashable {
        case name, forename, surname, email, relationship, mobile, phone
        /// Whether the contact has parental responsibility (SIMS, Arbor, Bromcom).
        case parentalResponsibility
        /// A court order, contact restriction or no-contact flag.
        case restriction
    }

    /// 1…9.
    public var number: Int
    public var field: Field

    static let fieldAliases: [String: Field] = [
        "name": .name, "fullname": .name, "forename": .forename, "firstname": .forename,
        "surname": .surname, "lastname": .surname, "email": .email, "emailaddress": .email,
        "relationship": .relationship, "relation": .relationship, "mobile": .mobile,
        "mobilephone": .mobile, "mobileno": .mobile, "phone": .phone, "telephone": .phone,
        "homephone": .phone,
        "parentalresponsibility": .parentalResponsibility, "hasparentalresponsibility": .parentalResponsibility,
        "responsibility": .parentalResponsibility, "pr": .parentalResponsibility,
        "courtorder": .restriction, "courtorders": .restriction, "courtorderflag": .restriction,
        "contactrestriction": .restriction, "contactrestrictions": .restriction, "restriction": .restriction,
        "restrictions": .restriction, "legalrestriction": .restriction, "legalrestrictions": .restriction,
        "nocontact": .restriction, "restrictedcontact": .restriction, "donotcontact": .restriction,
        "restrictedaccess": .restriction,
    ]

    /// Parses a heading; nil when it is not a contact column.
    public init?(_ heading: String) {
        let key = MISColumn.key(heading)
        guard key.hasPrefix("contact"), key.count > 8 else { return nil }
        let rest = key.dropFirst("contact".count)
        guard let digit = rest.first, let number = digit.wholeNumberValue, (1...9).contains(number),
              let field = Self.fieldAliases[String(rest.dropFirst())] else { return nil }
        self.number = number
        self.field = field
    }
}

/// `Address`, `Address Line 1`…`Address Line 9`, `AddressLine3`, `Address 2`.
public enum AddressHeading {
    /// The line number (0 for a single-field address), or nil.
    public static func lineNumber(_ heading: String) -> Int? {
        let key = MISColumn.key(heading)
        if key == "address" || key == "homeaddress" { return 0 }
        for prefix in ["addressline", "address"] where key.hasPrefix(prefix) {
            if let number = Int(key.dropFirst(prefix.count)), (1...9).contains(number) { return number }
        }
        return nil
    }
}
