import Store

/// What a signed-in account may do; each route needs one (issue 12, item 2).
public enum Permission: String, CaseIterable, Hashable, Sendable {
    /// Sign out: every role.
    case ownSession
    /// Read the quarantine, decisions, log, dashboard, audit trail and roster status.
    case read
    /// Open an original message, with a stated reason (audited).
    case readOriginal
    /// Release, delete, label false positive.
    case review
    /// Add, disable, enable accounts and set their passwords.
    case manageUsers
}

extension WebUser.Role {
    /// Reviewer (IT): list, view, release, delete, false positive. Auditor (DSL, DPO):
    /// everything read-only, opening originals with a reason. Admin: accounts only.
    public var permissions: Set<Permission> {
        switch self {
        case .reviewer: [.ownSession, .read, .readOriginal, .review]
        case .auditor: [.ownSession, .read, .readOriginal]
        case .admin: [.ownSession, .manageUsers]
        }
    }

    /// The page an account lands on after signing in.
    var homePath: String { self == .admin ? "/users" : "/quarantine" }
}

/// Who may call a route.
public enum RouteAccess: Hashable, Sendable {
    /// Sign-in, static assets, `/healthz`.
    case open
    /// A live session whose role has the permission (and, for POST, the CSRF token).
    case signedIn(Permission)
}
