import Foundation
import GRDB

/// One row of the `webUser` table (migration `v3-users`).
struct WebUserRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "webUser"

    var name: String
    var role: String
    var passwordHash: String
    var disabled: Bool
    var createdAt: Date
    var passwordChangedAt: Date
    var failedLogins: Int
    var lockedUntil: Date?
    var lastLoginAt: Date?
    /// JSON array of school ids (migration `v5-webUser-schools`); `[]`: every school.
    var schools: [String]

    init(_ user: WebUser) {
        name = user.name
        role = user.role.rawValue
        passwordHash = user.passwordHash
        disabled = user.disabled
        createdAt = user.createdAt
        passwordChangedAt = user.passwordChangedAt
        failedLogins = user.failedLogins
        lockedUntil = user.lockedUntil
        lastLoginAt = user.lastLoginAt
        schools = user.schools
    }

    /// The account; a role the check constraint let through but this version does not
    /// know reads as the least privileged one.
    var user: WebUser {
        var user = WebUser(
            name: name, role: WebUser.Role(rawValue: role) ?? .auditor, passwordHash: passwordHash, disabled: disabled,
            createdAt: createdAt, failedLogins: failedLogins, lockedUntil: lockedUntil, lastLoginAt: lastLoginAt,
            schools: schools)
        user.passwordChangedAt = passwordChangedAt
        return user
    }
}
