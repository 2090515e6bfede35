import ChaperoneModel

/// Scans one text segment: one automaton pass over its normalised form and one token
/// pass over its bytes, then joins pupil references with nearby sensitive mentions.
struct SegmentScanner {
    let index: RosterIndex
    let settings: DetectionSettings
    let segment: TextSegment
    let bytes: [UInt8]
    let normalised: NormalisedText
    let tokens: [RawToken]
    /// For a table row: the cells (0-based) whose heading is a pupil's name or a secret.
    let columns: TableColumns.Columns
    var nameColumns: Set<Int> { columns.names }
    /// The pupils (as key nodes) a lone forename may name in this message (see
    /// `scanHouseholdForenames`); empty for most mail.
    let householdPupils: HouseholdPupils

    /// Where findings go: the message's sink, through its cap.
    let sink: FindingSink
    var references: [PupilReference] = []
    var mentions: [SensitiveMention] = []

    init(index: RosterIndex, settings: DetectionSettings, segment: TextSegment,
         columns: TableColumns.Columns = .init(), householdPupils: HouseholdPupils = .none, sink: FindingSink) {
        self.index = index
        self.householdPupils = householdPupils
        self.sink = sink
        self.columns = columns
        self.settings = settings
        self.segment = segment
        bytes = Array(segment.text.utf8)
        normalised = NormalisedText(utf8: bytes)
        tokens = RawToken.tokens(in: bytes)
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
