import ChaperoneModel

/// The configuration and scanner in force. A reload swaps the whole snapshot at once;
/// a message keeps the snapshot it started with until its decision is sent.
public struct MilterSnapshot: Sendable {
    public var configuration: Configuration
    public var scanner: any MessageScanning

    public init(configuration: Configuration, scanner: any MessageScanning) {
        self.configuration = configuration
        self.scanner = scanner
    }
}
