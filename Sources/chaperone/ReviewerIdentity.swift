import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who is running a review command, for the audit trail: the real user id and its
/// account name from the password database (`getuid` → `getpwuid`), never the forgeable
/// `USER`/`LOGNAME`. Run through sudo (uid 0 with `SUDO_USER`), the invoking login is
/// named too. A `--reviewer` name is recorded as given, on whose account it was given.
///
///     alice (uid 1001)
///     alice via sudo (uid 0)
///     Mrs Khan, by alice (uid 1001)
struct ReviewerIdentity: Hashable, Sendable {
    var uid: uid_t
    var accountName: String?
    var sudoUser: String?

    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ReviewerIdentity {
        let uid = getuid()
        let sudoUser = uid == 0 ? environment["SUDO_USER"].flatMap { $0.isEmpty ? nil : $0 } : nil
        return ReviewerIdentity(uid: uid, accountName: accountName(of: uid), sudoUser: sudoUser)
    }

    /// The account name in the password database, nil when the uid has none (a container).
    static func accountName(of uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return nil
        }
        return String(cString: name)
    }

    /// The actor recorded in the audit trail.
    func actor(named explicit: String? = nil) -> String {
        let login: String
        if let sudoUser {
            login = "\(sudoUser) via sudo (uid \(uid))"
        } else {
            login = "\(accountName ?? "uid-\(uid)") (uid \(uid))"
        }
        guard let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty else { return login }
        return "\(explicit), by \(login)"
    }
}
