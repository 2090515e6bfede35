import ChaperoneModel

extension SegmentScanner {
    /// Confidence from structure, context and roster membership. A bare checksum is
    /// weak: one random 12-digit string in 23 passes the UPN letter, one random
    /// 10-digit number in 11 passes the NHS check, so a bare ULN or NHS number in prose
    /// stays below the default rule threshold (0.6) unless a context word, the NHS's
    /// 3-3-4 grouping or the roster backs it up. A UPN not on the roster is a strong
    /// identifier only when its LA code is one DfE has issued and it is not introduced
    /// as a booking, order or invoice reference (`upnRuleConfidence`).
    mutating func scanIdentifiers() {
        for hit in IdentifierScanner(bytes: bytes, tokens: tokens).scan() {
            switch hit.kind {
            case .upn:
                let student = index.studentByUPN[hit.value]
                let confidence = upnRuleConfidence(hit, onRoster: student != nil)
                var detail = hit.upn?.form == .temporary ? "temporary UPN" : nil
                if student == nil, confidence < settings.thresholds.minimumConfidence {
                    detail = hit.upn?.hasKnownLocalAuthority == true && hit.upn?.hasPlausibleAllocationYear == true
                        ? "reference-number context" : "no UPN has this LA code or year"
                }
                emit(.upn, Redaction.identifier(hit.value), confidence, pupil: student, detail: detail)
                if student != nil || confidence >= settings.thresholds.minimumConfidence {
                    addIdentifierReference(student, fallback: "upn#" + hit.value, hit.range, confidence)
                }
            case .uln:
                let student = index.studentByULN[hit.value]
                let context = ContextWords.appear(ContextWords.uln, in: bytes, around: hit.range, before: 40, after: 10)
                let confidence = student != nil ? 1.0 : (context ? 0.85 : 0.3)
                emit(.uln, Redaction.identifier(hit.value), confidence, pupil: student)
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
                emit(.nhsNumber, Redaction.identifier(hit.value), confidence, detail: detail)
            case .nino:
                let context = ContextWords.appear(ContextWords.nino, in: bytes, around: hit.range, before: 60, after: 10)
                let administrative = ["OO", "CR", "FY", "MW", "NC"].contains(String(hit.value.prefix(2)))
                emit(.nationalInsurance, Redaction.identifier(hit.value), administrative ? 0.5 : (context ? 0.9 : 0.7))
            }
        }
    }

    /// Words that make a letter-and-twelve-digit token a booking or order reference.
    static let referenceNumberWords = [
        "booking", "order", "ref", "reference", "invoice", "confirmation", "ticket", "tracking", "receipt",
        "transaction", "account", "acct", "policy", "claim", "voucher", "serial", "inv", "po",
    ]

    /// 1.0 on the roster. Otherwise 0.9 (0.95 introduced as a UPN) with a DfE LA code, a
    /// possible year of allocation and no reference-number word within 32 bytes before
    /// it (or 16 after); 0.4 (reported, firing nothing) for an LA code or year no UPN
    /// can have, or in a reference context, unless "UPN" or "pupil number" introduces
    /// it (then 0.75).
    func upnRuleConfidence(_ hit: IdentifierHit, onRoster: Bool) -> Double {
        if onRoster { return 1.0 }
        let introduced = ContextWords.appear(ContextWords.upn, in: bytes, around: hit.range, before: 40, after: 10)
        let knownLA = hit.upn?.hasKnownLocalAuthority == true && hit.upn?.hasPlausibleAllocationYear == true
        let referenceContext = ContextWords.appear(Self.referenceNumberWords, in: bytes, around: hit.range, before: 32, after: 16)
        if knownLA && !referenceContext { return introduced ? 0.95 : 0.9 }
        return introduced ? 0.75 : 0.4
    }

    private mutating func addIdentifierReference(_ student: Int32?, fallback: String, _ range: Range<Int>, _ confidence: Double) {
        let identity = student.map(index.identity(ofStudent:)) ?? .unlinked(fallback)
        references.append(PupilReference(identity: identity, student: student, range: range, confidence: confidence))
    }
}
