import ChaperoneModel

/// Expands an envelope's recipients to the addresses mail will really reach. Blocking
/// I/O (it may run Postfix's lookup programs): callers run it on a thread pool, never
/// on an event loop. `RecipientExpander` is the production implementation.
public protocol RecipientExpanding: Sendable {
    /// The envelope with `expansion` filled in; throws when a lookup fails or a limit
    /// is hit, so that the caller applies its fail action instead of guessing.
    func expand(_ envelope: Envelope) throws(ExpansionError) -> Envelope
}
