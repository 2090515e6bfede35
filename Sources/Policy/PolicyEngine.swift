import ChaperoneModel

/// Turns findings and recipients into the school's rules (policy sections 3, 4, 5, 7,
/// 7.2 and 8), an action and an explanation. Pure and immutable: build one per
/// configuration and roster snapshot and share it across threads.
public struct PolicyEngine: Sendable {
    public let configuration: Configuration
    public private(set) var classifier: RecipientClassifier
    public private(set) var senders: SenderRoleClassifier
    /// Pupils grouped into families, for counting exposed recipients.
    public let families: RecipientFamilies
    /// The pupils' image consents (§5).
    public let consents: ConsentRegister
    /// Pupils by surname, for the wrong-parent mistake (`householdPupils(of:sender:)`).
    public let households: SurnameHouseholds

    public init(configuration: Configuration, roster: Roster, webmailDomains: Set<String>) {
        self.configuration = configuration
        self.classifier = RecipientClassifier(configuration: configuration, roster: roster, webmailDomains: webmailDomains)
        self.senders = SenderRoleClassifier(configuration: configuration, roster: roster)
        self.families = RecipientFamilies(roster: roster)
        self.consents = ConsentRegister(roster: roster)
        self.households = SurnameHouseholds(roster: roster)
    }

    /// The addresses the message will really reach, classified: `envelope.judgedRecipients`
    /// (the expanded recipients when aliases and lists were expanded), each remembering
    /// the list it came through.
    public func recipients(of envelope: Envelope) -> [Recipient] {
        envelope.judgedRecipients.map { expanded in
            var recipient = classifier.classify(expanded.address, sender: envelope.sender)
            recipient.list = expanded.list
            return recipient
        }
    }

    /// Who sent the message, which rules govern it, and whether it is scanned at all.
    /// Needs only the envelope (and, for forwarded mail, the forwarding headers), so it
    /// is known before the message is read.
    public func sender(of envelope: Envelope, forwarders: [String] = []) -> SenderIdentity {
        senders.identify(envelope, recipients: recipients(of: envelope), forwarders: forwarders)
    }

    /// Decides what to do with a message sent by `envelope.sender` to the addresses it
    /// will really reach, given what the detectors found in it, under the rules of the
    /// sender's role (computed from the envelope when not given). Contact rights (a
    /// restricted contact, one without parental responsibility) bind staff, system and
    /// forwarded mail; a pupil's own mail is judged by the pupil rules. `headerAddresses`
    /// are the To and Cc header addresses, checked for recipients exposed to each other.
    /// `classified` stands for the recipients as already classified (a decision decided
    /// again from its record, whose pupils' and parents' addresses are redacted).
    public func decide(
        envelope: Envelope, findings: [Finding], sender: SenderIdentity? = nil, headerAddresses: [String] = [],
        classified: [Recipient]? = nil
    ) -> PolicyDecision {
        let recipients = classified ?? recipients(of: envelope)
        let sender = sender ?? senders.identify(envelope, recipients: recipients)
        let summary = FindingSummary(
            findings: withoutContextlessNames(findings), minimumConfidence: configuration.thresholds.minimumConfidence)
        var hits: [RuleHit] = []
        for recipient in recipients {
            if sender.rules == .pupil {
                hits += roleRules(for: recipient, summary: summary, sender: sender)
            } else {
                let rights = contactRightsRules(for: recipient, summary: summary)
                hits += rights.hits + roleRules(for: recipient, summary: rights.remaining, sender: sender)
            }
        }
        // A closure, not the method itself: a method reference copies the engine.
        hits = merge(hits).map { applyingLearnedAction($0) }
        var annotated = findings
        let exposure = exposedRecipientsHit(headerAddresses: headerAddresses, sender: envelope.sender, findingIndex: findings.count)
        if let exposure {
            annotated.append(exposure.finding)
            hits.append(exposure.hit)
        }
        let shadow = shadowOutcome(of: hits)
        let firing = hits.filter { $0.action > .accept }
        let action = firing.map(\.action).max() ?? .accept
        // The rewrite acts only on a message that is delivered; a held or refused one is
        // never rewritten, so the reviewer sees it as sent.
        let rewriting = configuration.effectiveExposureAction == .rewrite && action <= .tag ? exposure : nil
        let acting = firing + (rewriting.map { [$0.hit] } ?? [])
        annotate(&annotated, with: acting)
        let writer = ExplanationWriter(configuration: configuration)
        var explanation = sender.role == .pupil
            ? writer.explainToPupil(action: action, hits: firing, recipients: recipients)
            : writer.explain(action: action, hits: firing, findings: annotated, recipients: recipients)
        var rewrite: HeaderRewrite?
        if let rewriting {
            let visible = configuration.exposedRecipients.keepInternalVisible ? rewriting.groups.internalAddresses : []
            rewrite = HeaderRewrite(exposedGroups: rewriting.groups.outsideGroups, visibleAddresses: visible)
            let note = writer.explainRewrite(groups: rewriting.groups.outsideGroups)
            explanation = explanation.isEmpty ? note : explanation + "\n\n" + note
        } else if exposure != nil, configuration.effectiveExposureAction == .rewrite {
            annotated[findings.count].detail = "applied=none; message \(action.rawValue)"
        }
        return PolicyDecision(
            action: action, sections: Self.breachedSections(of: acting), findings: annotated,
            rules: Array(Set(acting.map(\.rule))).sorted(),
            governingSections: Array(Set(acting.flatMap(\.sections))).sorted(),
            recipients: recipients, hits: hits, explanation: explanation, sender: sender,
            alertsSafeguardingLead: firing.contains { $0.rule == Self.restrictedContactRule },
            headerRewrite: rewrite, shadow: shadow
        )
    }

    /// The sections breached: those of the rules that held or refused the message. A
    /// tag (delivered, marked) or a header rewrite breaches none.
    static func breachedSections(of acting: [RuleHit]) -> [Section] {
        Array(Set(acting.filter { $0.action > .tag }.flatMap(\.sections))).sorted()
    }

    /// Marks each finding with the rules it made act and the sections it helped breach.
    private func annotate(_ findings: inout [Finding], with acting: [RuleHit]) {
        for hit in acting {
            for index in hit.findingIndices where findings.indices.contains(index) {
                if !findings[index].rules.contains(hit.rule) { findings[index].rules.append(hit.rule) }
                if hit.action > .tag {
                    findings[index].sections = Array(Set(findings[index].sections).union(hit.sections)).sorted()
                }
            }
        }
        for index in findings.indices { findings[index].rules.sort() }
    }

    /// Joins hits of the same rule for several recipients into one.
    private func merge(_ hits: [RuleHit]) -> [RuleHit] {
        var merged: [RuleHit] = []
        for hit in hits {
            if let index = merged.firstIndex(where: { $0.rule == hit.rule && $0.findingIndices == hit.findingIndices }) {
                merged[index].recipients += hit.recipients.filter { !merged[index].recipients.contains($0) }
            } else {
                merged.append(hit)
            }
        }
        return merged
    }
}

extension PolicyEngine {
    /// This engine asking a trust's filter of known addresses before its own roster's
    /// address tables; every classification is the same (the filter has no false
    /// negatives, see `KnownAddressFilter`).
    public func sharing(_ knownAddresses: KnownAddressFilter) -> PolicyEngine {
        var engine = self
        engine.classifier.knownAddresses = knownAddresses
        engine.senders.knownAddresses = knownAddresses
        return engine
    }
}
