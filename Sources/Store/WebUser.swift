import Foundation

/// An account of the review web app. The password is kept only as a bcrypt hash;
/// the lockout counters are kept with it so that every web process sees them.
public struct WebUser: Codable, Hashable, Sendable {
    /// What an account may do (issue 12, item 2).
    public enum Role: String, CaseIterable, Codable, Hashable, Sendable {
        /// IT: list, view, release, delete, label false positive.
        case reviewer
        /// The DSL or DPO: everything read-only, opening an original with a reason.
        case auditor
        /// Manages accounts; reads like an auditor.
        case admin
    }

    public var name: String
    public var role: Role
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: Date
    public var passwordChangedAt: Date
    /// Failed sign-ins since the last success or lockout.
    public var failedLogins: Int
    /// Sign-ins are refused until then.
    public var lockedUntil: Date?
    public var lastLoginAt: Date?
    /// The schools (ids under `schools:`) whose decisions the account sees and acts on;
    /// empty: every school, and decisions of none (a single-school deployment).
    public var schools: [String]

    public init(
        name: String, role: Role, passwordHash: String, disabled: Bool = false, createdAt: Date,
        failedLogins: Int = 0, lockedUntil: Date? = nil, lastLoginAt: Date? = nil, schools: [String] = []
    ) {
        self.schools = schools
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
        self.passwordChangedAt = createdAt
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.lastLoginAt = lastLoginAt
    }

    /// The audit trail's words for adding this account.
    public var addedDetail: String {
        "added \(name) as \(role.rawValue)" + (schools.isEmpty ? "" : " for schools " + schools.joined(separator: ", "))
    }

    /// How `user list` and the users page name the account's schools.
    public var schoolsDescription: String { schools.isEmpty ? "all schools" : schools.joined(separator: ",") }

    /// Account names: letters, digits and `.-_@`, 1 to 64 characters (they appear in
    /// the audit trail and in URLs of the users page).
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-_@".unicodeScalars.contains($0)) }
    }
}
