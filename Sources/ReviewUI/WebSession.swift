import Foundation
import Store

/// A signed-in session: whose it is, its CSRF token, and the times that bound it.
public struct WebSession: Hashable, Sendable {
    public var userName: String
    public var role: WebUser.Role
    /// Sent in every form and compared on every POST.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The account's schools, read afresh from the store on every request like the
    /// role; empty: every school.
    public var schools: [String] = []
}

/// The sessions of one `chaperone web` process, in memory: a restart signs everyone
/// out. Tokens are 256 random bits; a session ends after the idle or the absolute
/// limit, on sign-out, or when the account is disabled (checked on each request).
public actor SessionRegistry {
    private var sessions: [String: WebSession] = [:]
    private let idleLimit: TimeInterval
    private let absoluteLimit: TimeInterval
    private let maxSessions: Int

    public init(idleLimit: TimeInterval, absoluteLimit: TimeInterval, maxSessions: Int) {
        self.idleLimit = idleLimit
        self.absoluteLimit = absoluteLimit
        self.maxSessions = maxSessions
    }

    /// Starts a session and returns its token (for the cookie).
    public func start(userName: String, role: WebUser.Role, now: Date) -> String {
        sessions = sessions.filter { isLive($0.value, now: now) }
        if sessions.count >= maxSessions, let oldest = sessions.min(by: { $0.value.createdAt < $1.value.createdAt }) {
            sessions[oldest.key] = nil
        }
        let token = RandomToken.make()
        sessions[token] = WebSession(
            userName: userName, role: role, csrfToken: RandomToken.make(), createdAt: now, lastSeenAt: now)
        return token
    }

    /// The live session for `token`, its idle clock restarted; nil (and forgotten) when
    /// it has expired or never existed.
    public func touch(token: String, now: Date) -> WebSession? {
        guard var session = sessions[token] else { return nil }
        guard isLive(session, now: now) else {
            sessions[token] = nil
            return nil
        }
        session.lastSeenAt = now
        sessions[token] = session
        return session
    }

    /// Ends one session.
    public func end(token: String) {
        sessions[token] = nil
    }

    /// Ends every session of an account (disabled, or its password changed).
    public func endAll(userName: String) {
        sessions = sessions.filter { $0.value.userName.lowercased() != userName.lowercased() }
    }

    private func isLive(_ session: WebSession, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) < idleLimit && now.timeIntervalSince(session.createdAt) < absoluteLimit
    }
}

/// Random tokens for sessions and CSRF: 32 bytes from the system generator, hex.
enum RandomToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func equal(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count, !a.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
