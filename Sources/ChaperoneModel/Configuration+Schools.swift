extension Configuration {
    /// One school of a trust or council under `schools:`: its short `id` and its
    /// effective configuration — the shared top-level settings with the school's own
    /// name, domains, partners, roster and staff files, and overrides applied. Its own
    /// `schools` list is always empty.
    public struct SchoolEntry: Codable, Hashable, Sendable {
        /// Short, stable identifier (`ash-grove`): recorded with decisions, named in the
        /// tag header, chosen by `unknown_school`.
        public var id: String
        /// The school's whole configuration as its messages are judged.
        public var configuration: Configuration

        public init(id: String, configuration: Configuration) {
            self.id = id
            self.configuration = configuration
        }
    }

    /// `unknown_school`: mail whose sender belongs to no configured school either gets
    /// the milter's fail action, or is judged as one named school's.
    public enum UnknownSchool: Codable, Hashable, Sendable, CustomStringConvertible {
        /// The milter's `fail_action` (tempfail by default); `chaperone scan` reports an error.
        case fail
        /// Judged with the rules and roster of the school with this id.
        case school(String)

        public var description: String {
            switch self {
            case .fail: "fail"
            case .school(let id): id
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            self = text == "fail" ? .fail : .school(text)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// True when the configuration has a `schools:` list (a trust or council).
    public var hasSchoolList: Bool { !schools.isEmpty }

    /// Every school's effective configuration: the `schools:` entries, or the single
    /// school (with a nil id) in the single-school form.
    public var schoolConfigurations: [(id: String?, configuration: Configuration)] {
        schools.isEmpty ? [(nil, self)] : schools.map { ($0.id, $0.configuration) }
    }

    /// The mail domains of every school served (own and pupil domains), lower-cased:
    /// what is "inside" for trust-wide concerns such as recipient expansion and notices.
    public var servedDomains: [String] {
        schoolConfigurations.flatMap { entry in
            (entry.configuration.school.domains + entry.configuration.senders.pupilDomains).map { $0.lowercased() }
        }
    }
}
