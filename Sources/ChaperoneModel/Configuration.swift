/// The whole of Chaperone's configuration: one immutable value, loaded from YAML by
/// `Policy.ConfigurationLoader`, with every default spelled out here and in
/// `samples/chaperone.yaml`.
public struct Configuration: Codable, Hashable, Sendable {
    /// The school and the organisations it works with.
    public struct School: Codable, Hashable, Sendable {
        public var name: String = "Our School"
        /// Domains the school's own mail uses; subdomains count too.
        public var domains: [String] = []
        /// Partner organisations (local authority, NHS); subdomains count too.
        public var partnerDomains: [String] = []
        /// Personal-webmail domains beyond the built-in list.
        public var extraWebmailDomains: [String] = []
        /// The school's own social-media accounts (`@RalphThoresbyPE`,
        /// `instagram.com/ralphthoresby`): handles and links to them are not personal.
        public var officialSocialAccounts: [String] = []
        /// Who staff should ask about a held message.
        public var itContact: String = "the IT office"
        /// The Designated Safeguarding Lead, named in §3 explanations.
        public var safeguardingLead: String = "the Designated Safeguarding Lead"
        public init() {}
    }

    /// Where the roster comes from.
    public struct RosterFiles: Codable, Hashable, Sendable {
        /// MIS CSV exports and/or DfE CTF XML files.
        public var files: [String] = []
        /// Staff list CSV (school email, name, optional personal emails).
        public var staffFile: String?
        /// MIS consent headings (as written in the export) → the purposes each grants;
        /// added to, and overriding, the built-in SIMS, Arbor and Bromcom headings.
        public var consentColumns: [String: [ConsentPurpose]] = [:]
        public init() {}
    }

    /// Thresholds that turn findings into rules firing.
    public struct Thresholds: Codable, Hashable, Sendable {
        /// Distinct pupils in one message that make it bulk pupil data.
        public var bulkPupils: Int = 10
        /// Characters either side of a pupil reference in which a sensitive attribute counts.
        public var proximityWindow: Int = 300
        /// Findings below this confidence are reported but fire no rule.
        public var minimumConfidence: Double = 0.6
        public init() {}
    }

    /// Which action each rule takes.
    public struct Actions: Codable, Hashable, Sendable {
        public var socialContact: Action = .quarantine
        public var socialMedia: Action = .quarantine
        public var images: Action = .quarantine
        public var internetUse: Action = .quarantine
        public var unacceptableUse: Action = .quarantine
        public var confidentiality: Action = .quarantine
        /// Sensitive pupil data to a partner organisation.
        public var partnerSensitive: Action = .tag
        /// A pupil's name alone sent outside the school.
        public var pupilNameOutside: Action = .accept
        /// Content that could not be scanned, sent outside the school.
        public var unscannableOutside: Action = .quarantine
        /// Sensitive data about a pupil sent to a contact without parental
        /// responsibility for them (§8).
        public var withoutParentalResponsibility: Action = .quarantine
        public init() {}

        public func action(for section: Section) -> Action {
            switch section {
            case .socialContact: socialContact
            case .socialMedia: socialMedia
            case .images: images
            case .internetUse: internetUse
            case .unacceptableUse: unacceptableUse
            case .confidentiality: confidentiality
            }
        }
    }

    /// Headers Chaperone writes.
    public struct Tagging: Codable, Hashable, Sendable {
        /// Header added to tagged mail, carrying the sections.
        public var header: String = "X-Chaperone-Classification"
        /// Prepended to the subject of tagged mail, when set (e.g. `[OFFICIAL-SENSITIVE]`).
        public var subjectPrefix: String?
        /// Trace header added to every delivered message; nil switches it off.
        public var traceHeader: String? = "X-Chaperone"
        public init() {}
    }

    /// How attachments are treated.
    public struct Attachments: Codable, Hashable, Sendable {
        /// Content types and `.extensions` that carry no text (detached signatures): not
        /// read and not reported. Anything else that cannot be read is unscannable.
        public var textlessTypes: [String] = [
            "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature", ".p7s",
        ]
        public init() {}
    }

    /// The milter listener.
    public struct Milter: Codable, Hashable, Sendable {
        /// `inet:HOST:PORT` or `unix:PATH`.
        public var listen: String = "inet:127.0.0.1:8891"
        /// Reply on internal error, deadline or limit.
        public var failAction: FailAction = .tempfail
        /// Seconds between PROGRESS packets while a scan runs.
        public var progressIntervalSeconds: Double = 5
        /// Directory for spooled message bodies (created 0700; the files have no name).
        public var spoolDirectory: String = "/var/spool/chaperone"
        /// Seconds a connection may stay silent outside a decision before it is closed.
        /// Above Postfix's `smtpd_timeout` (300 s), which bounds a live session's silence.
        public var idleTimeoutSeconds: Double = 600
        /// Milter connections open at once; more are closed at once (Postfix then
        /// applies `milter_default_action`). Above Postfix's default process limit (100).
        public var maxConnections: Int = 500
        /// Scans run at once, each on its own thread; 0 means one per core.
        public var scanWorkers: Int = 0
        /// Bytes of messages being scanned at once (a scan's memory is a small multiple
        /// of its message); a message that does not fit waits. One larger than the whole
        /// budget is scanned when nothing else is.
        public var maxScanBytesInFlight: Int = 64 * 1024 * 1024
        /// Seconds a message may wait for a scan worker and room in the budget before the
        /// fail action is applied; 0 applies it at once. `scan_deadline_seconds` starts
        /// when the scan does.
        public var admissionWaitSeconds: Double = 60
        public init() {}
    }

    /// The decision log and quarantine store.
    public struct StoreSettings: Codable, Hashable, Sendable {
        public var database: String = "/var/lib/chaperone/chaperone.sqlite"
        /// Days quarantined content is kept after it is decided.
        public var quarantineRetentionDays: Int = 30
        /// Days decision rows are kept.
        public var decisionRetentionDays: Int = 730
        /// Most decisions committed in one transaction (group commit).
        public var groupCommitMaxRows: Int = 500
        /// Decisions that may wait for a commit; beyond it the fail action is applied.
        public var maxPendingRows: Int = 10_000
        /// Hours a held copy catches a retry of the same message (same fingerprint) as
        /// its duplicate instead of a second copy; 0 turns the check off.
        public var duplicateWindowHours: Double = 120
        /// A shared PostgreSQL store (`postgresql://user@host:port/db`) instead of the
        /// SQLite `database`, for several mail hosts; never holds a password.
        public var url: String?
        /// The file whose first line is the PostgreSQL password (none: trust/peer).
        public var passwordFile: String?
        /// This mail host's id, recorded on every decision (nil: the host name).
        public var hostID: String?
        /// Longest a PostgreSQL store call may take, a connection included; then the
        /// milter applies its fail action.
        public var timeoutSeconds: Double = 10
        /// Most PostgreSQL connections one process opens.
        public var maxConnections: Int = 10
        public init() {}
    }

    /// Releasing held mail: the store's copy is sent to a milter-free listener.
    public struct Release: Codable, Hashable, Sendable {
        /// Milter-free SMTP listener for reinjection, `HOST:PORT`.
        public var reinjectListener: String = "127.0.0.1:10026"
        public init() {}
    }

    /// Explanations to staff and alerts to IT / the DSL.
    public struct Notifications: Codable, Hashable, Sendable {
        public var enabled: Bool = true
        public var fromAddress: String = "chaperone@localhost"
        /// SMTP listener (milter-free) the notices are handed to, `HOST:PORT`.
        public var submitListener: String = "127.0.0.1:10026"
        /// Addresses alerted when chosen sections fire.
        public var alertRecipients: [String] = []
        public var alertSections: [Section] = [.socialContact]
        public init() {}
    }

    /// Where Chaperone runs: the school's own mail server, or a cloud tenant's gateway.
    public var mode: Mode = .mailServer
    public var gateway = Gateway()
    public var school = School()
    public var roster = RosterFiles()
    public var thresholds = Thresholds()
    public var actions = Actions()
    public var tagging = Tagging()
    /// Per-section explanation text overriding the built-in one-line rule.
    public var explanations: [Section: String] = [:]
    public var limits = Limits()
    public var attachments = Attachments()
    public var milter = Milter()
    public var store = StoreSettings()
    public var release = Release()
    public var notifications = Notifications()
    public var senders = SenderRoles()
    public var pupils = PupilPolicy()
    public var scope = Scope()
    public var expansion = Expansion()
    public var exposedRecipients = ExposedRecipients()
    public var images = Images()
    public var metrics = Metrics()
    public var web = Web()
    /// Sender self-service from the notice's link (`self_service:`).
    public var selfService = SelfService()
    /// Learning from reviews: the learned include file and the suggestion thresholds.
    public var learning = Learning()
    /// Rules running in shadow, each with the action it would take (`shadow:`): decided
    /// and recorded as they would act, while the message gets the live action.
    public var shadow: [String: Action] = [:]
    /// The accepted suggestions of `learning.learned_file`, applied on top of this file.
    public var learned = LearnedChanges()
    /// The schools of a trust or council, each with its own domains, roster and
    /// overrides (see `Configuration+Schools.swift`); empty in the single-school form,
    /// where the top-level `school` and `roster` are the one school.
    public var schools: [SchoolEntry] = []
    /// What happens to mail from no configured school (with `schools:` only).
    public var unknownSchool: UnknownSchool = .fail

    public init() {}
}
