import ChaperoneModel

extension PolicyEngine {
    /// Rules that learning never relaxes, whatever `learned.yaml` says: social contact
    /// with pupils (§3), social media (§4), and a restricted contact (a court order).
    public static func isProtectedFromLearning(_ rule: String) -> Bool {
        rule.hasPrefix("3.") || rule.hasPrefix("4.") || rule == restrictedContactRule
    }

    /// The hit with its action replaced by an accepted suggestion (`learned.yaml`).
    func applyingLearnedAction(_ hit: RuleHit) -> RuleHit {
        guard let action = configuration.learnedAction(forRule: hit.rule), !Self.isProtectedFromLearning(hit.rule) else {
            return hit
        }
        var changed = hit
        changed.action = action
        return changed
    }

    /// What the `shadow:` rules among `hits` would have done: each with its shadow and
    /// live action, and the message's action had they acted; nil when none fired.
    func shadowOutcome(of hits: [RuleHit]) -> ShadowOutcome? {
        let shadow = configuration.shadow
        guard !shadow.isEmpty else { return nil }
        var outcomes: [String: ShadowOutcome.RuleOutcome] = [:]
        var action = Action.accept
        for hit in hits {
            guard let shadowAction = shadow[hit.rule] else {
                action = max(action, hit.action)
                continue
            }
            action = max(action, shadowAction)
            let live = max(outcomes[hit.rule]?.liveAction ?? .accept, hit.action)
            outcomes[hit.rule] = ShadowOutcome.RuleOutcome(rule: hit.rule, shadowAction: shadowAction, liveAction: live)
        }
        guard !outcomes.isEmpty else { return nil }
        return ShadowOutcome(action: action, rules: outcomes.values.sorted { $0.rule < $1.rule })
    }

    /// The findings as the rules weigh them: a pupil listed in
    /// `learned.contextRequiredPupils` (a name that is also a common phrase) counts only
    /// with another reference to the same pupil in the message (an identifier, an email
    /// or postal address, a date of birth); without one, the name and the terms found
    /// near it weigh nothing. Indices are kept, so the rules still point at the findings.
    func withoutContextlessNames(_ findings: [Finding]) -> [Finding] {
        let listed = configuration.learned.contextRequiredPupils
        guard !listed.isEmpty else { return findings }
        let needContext = Set(listed)
        let withContext = Set(findings.compactMap { finding -> String? in
            guard let pupil = finding.pupil, needContext.contains(pupil),
                  !Self.nameOrNearbyKinds.contains(finding.detector) else { return nil }
            return pupil
        })
        return findings.map { finding in
            guard let pupil = finding.pupil, needContext.contains(pupil), !withContext.contains(pupil),
                  Self.nameOrNearbyKinds.contains(finding.detector) else { return finding }
            var weightless = finding
            weightless.confidence = 0
            return weightless
        }
    }

    /// A pupil's name and what is found only because it stands near one.
    static let nameOrNearbyKinds: Set<DetectorKind> = [.pupilName, .specialCategory]
}
