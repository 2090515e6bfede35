import Foundation

/// How long the store keeps things (`store.quarantineRetentionDays`,
/// `store.decisionRetentionDays`), counted from when a message was decided.
public struct RetentionPolicy: Hashable, Sendable {
    /// Days a quarantined message's stored copy is kept (default 30).
    public var quarantineContentDays: Int
    /// Days decision rows (and their quarantine rows) are kept (default 730).
    public var decisionDays: Int

    public init(quarantineContentDays: Int = 30, decisionDays: Int = 730) {
        self.quarantineContentDays = quarantineContentDays
        self.decisionDays = decisionDays
    }

    /// Copies of messages decided before this time are removed.
    public func contentCutoff(now: Date) -> Date {
        now.addingTimeInterval(-Double(quarantineContentDays) * 86_400)
    }

    /// Decisions made before this time are removed.
    public func decisionCutoff(now: Date) -> Date {
        now.addingTimeInterval(-Double(decisionDays) * 86_400)
    }
}

/// What a purge removed (or, in a dry run, would remove).
public struct PurgeResult: Codable, Hashable, Sendable {
    /// Stored copies removed.
    public var contentsRemoved: Int
    /// Of those, messages still unreviewed, now `expired`.
    public var heldExpired: Int
    /// Decision rows deleted (with their quarantine rows).
    public var decisionsDeleted: Int
    public var dryRun: Bool

    public init(contentsRemoved: Int, heldExpired: Int, decisionsDeleted: Int, dryRun: Bool) {
        self.contentsRemoved = contentsRemoved
        self.heldExpired = heldExpired
        self.decisionsDeleted = decisionsDeleted
        self.dryRun = dryRun
    }
}
