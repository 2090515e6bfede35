import ChaperoneModel

/// Scans one text segment: one automaton pass over its normalised form and one token
/// pass over its bytes, then joins pupil references with nearby sensitive mentions.
struct SegmentScanner {
    /// What the scan reads and never changes, held by reference: the scanner's methods
    /// are mutating (they add references and mentions), and a closure in one of them
    /// that reads a property copies the scanner. With the text, its normal form, its
    /// tokens and the rest in one object, that copy is three retains, not fifteen.
    final class Input {
        let index: RosterIndex
        let settings: DetectionSettings
        let segment: TextSegment
        let bytes: [UInt8]
        let normalised: NormalisedText
        let tokens: [RawToken]
        let columns: TableColumns.Columns
        let householdPupils: HouseholdPupils
        let sink: FindingSink

        init(index: RosterIndex, settings: DetectionSettings, segment: TextSegment, columns: TableColumns.Columns,
             householdPupils: HouseholdPupils, sink: FindingSink) {
            self.index = index
            self.settings = settings
            self.segment = segment
            self.columns = columns
            self.householdPupils = householdPupils
            self.sink = sink
            bytes = Array(segment.text.utf8)
            var tokens: [RawToken] = []
            normalised = NormalisedText(utf8: bytes, tokens: &tokens)
            self.tokens = tokens
        }
    }

    let input: Input
    var index: RosterIndex { input.index }
    var settings: DetectionSettings { input.settings }
    var segment: TextSegment { input.segment }
    var bytes: [UInt8] { input.bytes }
    var normalised: NormalisedText { input.normalised }
    var tokens: [RawToken] { input.tokens }
    /// For a table row: the cells (0-based) whose heading is a pupil's name or a secret.
    var columns: TableColumns.Columns { input.columns }
    var nameColumns: Set<Int> { columns.names }
    /// The pupils (as key nodes) a lone forename may name in this message (see
    /// `scanHouseholdForenames`); empty for most mail.
    var householdPupils: HouseholdPupils { input.householdPupils }
    /// Where findings go: the message's sink, through its cap.
    var sink: FindingSink { input.sink }

    var references: [PupilReference] = []
    var mentions: [SensitiveMention] = []

    init(index: RosterIndex, settings: DetectionSettings, segment: TextSegment,
         columns: TableColumns.Columns = .init(), householdPupils: HouseholdPupils = .none, sink: FindingSink) {
        input = Input(index: index, settings: settings, segment: segment, columns: columns,
                      householdPupils: householdPupils, sink: sink)
    }

    /// Runs every detector over the segment, offering each finding to `sink` as it is
    /// made (in order), so a finding past the cap is only counted.
    mutating func run() {
        scanRosterWords()
        scanIdentifiers()
        scanEmails()
        scanContactDetails()
        scanDates()
        joinMentions()
        if segment.role == .tableRow, segment.row == 0, let finding = MISHeader.finding(for: segment),
           sink.admits(finding.detector, pupil: finding.pupil, confidence: finding.confidence, location: finding.location) {
            sink.keep(finding)
        }
    }

    /// Makes a finding, if the cap keeps it: evidence and detail are built only then.
    func emit(_ kind: DetectorKind, _ evidence: @autoclosure () -> String, _ confidence: Double,
              pupil: Int32? = nil, detail: @autoclosure () -> String? = nil) {
        let confidence = min(1, confidence)
        guard let pupil, index.students.indices.contains(Int(pupil)) else {
            guard sink.admits(kind, pupil: nil, confidence: confidence, location: segment.location) else { return }
            return sink.keep(Finding(detector: kind, location: segment.location, evidence: evidence(),
                                     confidence: confidence, pupil: nil, detail: detail()))
        }
        guard sink.admits(kind, student: pupil, key: { index.students.key(at: Int($0)) }, confidence: confidence,
                          location: segment.location) else { return }
        let finding = Finding(detector: kind, location: segment.location, evidence: evidence(),
                              confidence: confidence, pupil: index.students.key(at: Int(pupil)), detail: detail())
        sink.keep(finding)
    }

    func studentName(_ student: Int32) -> String {
        guard index.students.indices.contains(Int(student)) else { return "" }
        let pupils = index.students, position = Int(student)
        return (pupils.string(.legalForename, at: position) ?? "") + " " + (pupils.string(.surname, at: position) ?? "")
    }
}
