extension Configuration {
    /// How senders are told apart (pupil, staff, system, outside).
    public struct SenderRoles: Codable, Hashable, Sendable {
        /// Domains (and their subdomains) whose every address is a pupil's, whether or not
        /// the roster lists it.
        public var pupilDomains: [String] = []
        /// The school's unattended senders (MIS, parent-messaging service): full
        /// addresses, or `@domain` for every address at that domain.
        public var systemSenders: [String] = []
        /// Local parts that make a school-domain address a system sender.
        public var noReplyLocalParts: [String] = ["noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster"]
        /// Where notices about a system sender's held mail go (the sender is unattended);
        /// nil sends none.
        public var systemOwner: String?
        /// The role of a school-domain address that is on neither the staff list nor the
        /// roster and is not on a pupil domain: `staff` (the default) or `pupil`.
        public var unlistedSchoolSenders: SenderRole = .staff
        public init() {}
    }

    /// The rules for mail a pupil sends. The staff-conduct sections (3, 4, 5, 7, 7.2)
    /// do not apply; a pupil's own data is theirs to send.
    public struct PupilPolicy: Codable, Hashable, Sendable {
        /// Sensitive or bulk data about other pupils, sent outside the school (§8).
        public var otherPupilsOutside: Action = .quarantine
        /// Whether such a hold alerts `notifications.alert_recipients` (the DSL).
        public var alertDSL: Bool = true
        /// Who a pupil should ask about a held message; nil means `school.it_contact`.
        public var contact: String?
        public init() {}
    }

    /// Which mail is scanned at all.
    public struct Scope: Codable, Hashable, Sendable {
        /// Mail from an outside sender to internal recipients only.
        public var inbound: InboundScope = .skip
        public init() {}
    }

    /// What happens to inbound mail (an outside sender, internal recipients only).
    public enum InboundScope: String, CaseIterable, Codable, Hashable, Sendable {
        /// Accepted unscanned, and logged as skipped.
        case skip
        /// Scanned with the staff rules.
        case scan
    }
}
