import ChaperoneModel
import RecipientExpansion

/// The configuration and scanner in force. A reload swaps the whole snapshot at once;
/// a message keeps the snapshot it started with until its decision is sent.
public struct MilterSnapshot: Sendable {
    public var configuration: Configuration
    public var scanner: any MessageScanning
    /// Expands recipients through Postfix's aliases and the school's lists before the
    /// scan (on the scan thread); nil when expansion is not configured.
    public var expander: (any RecipientExpanding)?

    public init(configuration: Configuration, scanner: any MessageScanning, expander: (any RecipientExpanding)? = nil) {
        self.configuration = configuration
        self.scanner = scanner
        self.expander = expander
    }
}
