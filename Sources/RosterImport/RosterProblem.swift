/// One thing wrong with a roster file: which file, where (line number or XML path),
/// which column or element, why, and how much it matters.
public struct RosterProblem: Hashable, Sendable, CustomStringConvertible {
    /// How much a problem matters.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Data kept, something ignored or repaired (unknown encoding guessed, field cut).
        case warning
        /// A row or value dropped (wrong UPN check letter, unreadable date, missing name).
        case error
        /// Nothing usable could be read.
        case fatal

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.warning, .error, .fatal]
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    public var file: String
    /// `line 12`, or an XML path such as `CTfile/CTFpupilData/Pupil[3]/UPN`.
    public var position: String
    public var column: String?
    public var reason: String
    public var severity: Severity

    public init(file: String, position: String, column: String? = nil, reason: String, severity: Severity) {
        self.file = file
        self.position = position
        self.column = column
        self.reason = reason
        self.severity = severity
    }

    public var description: String {
        let where_ = [file, position, column.map { "column \"\($0)\"" }].compactMap { $0 }.filter { !$0.isEmpty }
        return "\(severity.rawValue): \(where_.joined(separator: ", ")): \(reason)"
    }
}
