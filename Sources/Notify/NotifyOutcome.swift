/// What `StaffNotifier` did for one decision.
public struct NotifyOutcome: Hashable, Sendable {
    /// Whether the sender was sent an explanation, or why not.
    public var notice: NoticeEligibility
    /// Whether an alert went to the alert recipients.
    public var alertSent: Bool

    public init(notice: NoticeEligibility, alertSent: Bool) {
        self.notice = notice
        self.alertSent = alertSent
    }
}
