/// A member of staff, so that mail to their own personal address can be recognised.
public struct StaffMember: Codable, Hashable, Sendable {
    /// The school address (lower-cased).
    public var email: String
    public var name: String
    /// Known personal addresses (lower-cased).
    public var personalEmails: [String]

    public init(email: String, name: String, personalEmails: [String] = []) {
        self.email = email
        self.name = name
        self.personalEmails = personalEmails
    }
}
