import ChaperoneModel

extension SegmentScanner {
    /// Confidence from structure, context and roster membership. A bare checksum is
    /// weak: one random 12-digit string in 23 passes the UPN letter, one random
    /// 10-digit number in 11 passes the NHS check, so a bare ULN or NHS number in prose
    /// stays below the default rule threshold (0.6) unless a context word, the NHS's
    /// 3-3-4 grouping or the roster backs it up. A UPN also needs a plausible LA code,
    /// which leaves roughly one random string in 150, so it starts high.
    mutating func scanIdentifiers() {
        for hit in IdentifierScanner(bytes: bytes, tokens: tokens).scan() {
            let evidence = Redaction.identifier(hit.value)
            switch hit.kind {
            case .upn:
                let student = index.studentByUPN[hit.value]
                var confidence = student != nil ? 1.0 : (hit.upn?.hasKnownLocalAuthority == true ? 0.9 : 0.7)
                if ContextWords.appear(ContextWords.upn, in: bytes, around: hit.range, before: 40, after: 10) {
                    confidence += 0.05
                }
                let detail = hit.upn?.form == .temporary ? "temporary UPN" : nil
                emit(.upn, evidence, confidence, pupil: student, detail: detail)
                addIdentifierReference(student, fallback: "upn#" + hit.value, hit.range, confidence)
            case .uln:
                let student = index.studentByULN[hit.value]
                let context = ContextWords.appear(ContextWords.uln, in: bytes, around: hit.range, before: 40, after: 10)
                let confidence = student != nil ? 1.0 : (context ? 0.85 : 0.3)
                emit(.uln, evidence, confidence, pupil: student)
                if student != nil || context {
                    addIdentifierReference(student, fallback: "uln#" + hit.value, hit.range, confidence)
                }
            case .nhs:
                let context = ContextWords.appear(ContextWords.nhs, in: bytes, around: hit.range, before: 60, after: 20)
                var confidence = context ? 0.85 : (hit.isGrouped ? 0.6 : 0.3)
                let range = NHSNumber.range(digits: Array(hit.value.utf8)[...])
                var detail: String?
                if range == .unallocated || range == .internalTesting {
                    confidence = min(confidence, 0.5)
                    detail = "test range"
                }
                emit(.nhsNumber, evidence, confidence, detail: detail)
            case .nino:
                let context = ContextWords.appear(ContextWords.nino, in: bytes, around: hit.range, before: 60, after: 10)
                let administrative = ["OO", "CR", "FY", "MW", "NC"].contains(String(hit.value.prefix(2)))
                emit(.nationalInsurance, evidence, administrative ? 0.5 : (context ? 0.9 : 0.7))
            }
        }
    }

    private mutating func addIdentifierReference(_ student: Int32?, fallback: String, _ range: Range<Int>, _ confidence: Double) {
        let identity = student.map { index.students[Int($0)].key } ?? fallback
        references.append(PupilReference(identity: identity, student: student, range: range, confidence: confidence))
    }
}
