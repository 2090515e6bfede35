/// The local Postfix's queue as the review workflow needs it. The real one runs
/// `postqueue` and `postsuper`; tests use an in-memory one.
public protocol PostfixQueue: Sendable {
    /// True when this host's Postfix has `queueID` in its hold queue.
    func holds(_ queueID: String) async throws -> Bool
    /// Releases `queueID` from the hold queue (`postsuper -H`).
    func release(_ queueID: String) async throws
    /// Deletes `queueID` from the hold queue (`postsuper -d`).
    func delete(_ queueID: String) async throws
}
