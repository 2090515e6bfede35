import ChaperoneModel

/// The engine's tunable inputs, fixed at construction.
struct DetectionSettings: Sendable {
    var thresholds: Configuration.Thresholds
    var webmailDomains: Set<String>
}
