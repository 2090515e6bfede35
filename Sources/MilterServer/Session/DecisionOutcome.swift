import ChaperoneModel

/// How an end-of-message decision ended: a scan report (already recorded), or a
/// failure that gets `milter.fail_action`.
enum DecisionOutcome: Sendable {
    case decided(ScanReport)
    case failed(FailureReason)
}
