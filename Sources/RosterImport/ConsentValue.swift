/// One consent cell as MIS exports write it: `Y`/`N`, `Yes`/`No`, `Granted`/`Refused`,
/// `Given`/`Withheld`, `True`/`False`, `1`/`0`, with or without a date ("Yes - 01/09/2025",
/// "Granted (2025-09-03)", "Refused on 03/09/2025"). "Not asked", "Pending", "Unknown",
/// "N/A" and an empty cell say nothing: the consent stays unknown, never granted.
enum ConsentValue: Equatable {
    case granted
    case refused
    /// Explicitly not recorded (or empty).
    case notRecorded
    /// Words that are neither; kept unknown and reported.
    case unreadable

    static let grantWords: Set<String> = ["y", "yes", "granted", "given", "true", "agreed", "consented", "accepted",
                                          "approved", "allowed", "permitted", "consent", "ok", "t"]
    static let refuseWords: Set<String> = ["n", "no", "refused", "withheld", "declined", "denied", "false", "withdrawn",
                                           "not", "f", "rejected", "none"]
    static let notRecordedPhrases: Set<String> = ["", "na", "n a", "not asked", "pending", "unknown", "not recorded",
                                                  "awaiting", "awaiting response", "not known", "tbc", "no response",
                                                  "not returned", "not applicable"]

    init(_ raw: String) {
        let lowered = raw.lowercased()
        if lowered == "1" { self = .granted; return }
        if lowered == "0" { self = .refused; return }
        // Words only: dates, digits and punctuation are dropped ("Yes - 01/09/2025" → "yes").
        var words: [String] = []
        var current = ""
        for character in lowered {
            if character.isLetter {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        words.removeAll { ["on", "at", "by", "date", "dated", "since", "from", "parent", "parental", "st", "nd", "rd", "th"].contains($0) }
        let phrase = words.joined(separator: " ")
        if Self.notRecordedPhrases.contains(phrase) {
            self = words.isEmpty && !lowered.filter(\.isNumber).isEmpty ? .unreadable : .notRecorded
        } else if words.contains(where: Self.refuseWords.contains) {
            self = .refused
        } else if let first = words.first, Self.grantWords.contains(first) {
            self = .granted
        } else {
            self = .unreadable
        }
    }

    /// Granted `true`, refused `false`, otherwise nil (unknown).
    var recorded: Bool? {
        switch self {
        case .granted: true
        case .refused: false
        case .notRecorded, .unreadable: nil
        }
    }
}
