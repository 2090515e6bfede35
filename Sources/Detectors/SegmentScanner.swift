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

    var findings: [Finding] = []
    var references: [PupilReference] = []
    var mentions: [SensitiveMention] = []

    init(index: RosterIndex, settings: DetectionSettings, segment: TextSegment,
         columns: TableColumns.Columns = .init()) {
        self.index = index
        self.columns = columns
        self.settings = settings
        self.segment = segment
        bytes = Array(segment.text.utf8)
        normalised = NormalisedText(utf8: bytes)
        tokens = RawToken.tokens(in: bytes)
    }

    /// Runs every detector over the segment.
    mutating func run() {
        scanRosterWords()
        scanIdentifiers()
        scanEmails()
        scanContactDetails()
        scanDates()
        joinMentions()
        if segment.role == .tableRow, segment.row == 0, let finding = MISHeader.finding(for: segment) {
            findings.append(finding)
        }
    }

    mutating func emit(_ kind: DetectorKind, _ evidence: String, _ confidence: Double,
                       pupil: Int32? = nil, detail: String? = nil) {
        let key = pupil.flatMap { index.students.indices.contains(Int($0)) ? index.students[Int($0)].key : nil }
        findings.append(Finding(detector: kind, location: segment.location, evidence: evidence,
                                confidence: min(1, confidence), pupil: key, detail: detail))
    }

    func studentName(_ student: Int32) -> String {
        guard index.students.indices.contains(Int(student)) else { return "" }
        let pupil = index.students[Int(student)]
        return pupil.legalForename + " " + pupil.surname
    }
}
