import Foundation

/// The accounts of a deployment (deploy/README.md): the system user and group
/// `chaperone`, which runs `serve` and owns the store, and a reviewer, an ordinary
/// account whose only right is membership of group `chaperone`. Created here when
/// missing (the test runs as root), the way the package's postinst does.
enum ServiceAccounts {
    struct Account {
        var name: String
        var uid: UInt32
        var gid: UInt32
    }

    static let reviewerName = "chaperone-review"

    /// The `chaperone` service account and the reviewer, created if needed.
    static func ensure() throws -> (service: Account, reviewer: Account, group: UInt32) {
        let group = try ensureGroup("chaperone")
        let service = try ensureUser("chaperone", arguments: ["--system", "--gid", "chaperone", "--no-create-home",
                                                             "--home-dir", "/var/lib/chaperone", "--shell", "/usr/sbin/nologin"])
        let reviewer = try ensureUser(reviewerName, arguments: ["--system", "--gid", "nogroup", "--groups", "chaperone",
                                                               "--no-create-home", "--shell", "/usr/sbin/nologin"])
        return (service, reviewer, group)
    }

    private static func ensureGroup(_ name: String) throws -> UInt32 {
        if let existing = getgrnam(name) { return existing.pointee.gr_gid }
        _ = try? run("/usr/sbin/groupadd", ["--system", name])
        // Another test (or engineer) may have created it at the same moment.
        guard let created = getgrnam(name) else { throw PostfixHarnessError.commandFailed("groupadd", name) }
        return created.pointee.gr_gid
    }

    private static func ensureUser(_ name: String, arguments: [String]) throws -> Account {
        if getpwnam(name) == nil { _ = try? run("/usr/sbin/useradd", arguments + [name]) }
        guard let entry = getpwnam(name) else { throw PostfixHarnessError.commandFailed("useradd", name) }
        return Account(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
