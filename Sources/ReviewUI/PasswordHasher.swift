import HummingbirdBcrypt
import NIOPosix

/// bcrypt for web passwords, off the event loops (a check costs tens of milliseconds by
/// design), with the password rules the CLI and the users page share.
public struct PasswordHasher: Sendable {
    /// bcrypt's work factor: 12 in production; tests use 4, the minimum.
    public var cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// Shortest password accepted (ASVS 2.1.1).
    public static let minimumLength = 12
    /// bcrypt reads at most 72 bytes: longer passwords are refused rather than cut.
    public static let maximumBytes = 72

    /// Why `password` is not acceptable, or nil when it is.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "a password needs at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "a password may have at most \(maximumBytes) bytes (bcrypt reads no more)" }
        return nil
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
