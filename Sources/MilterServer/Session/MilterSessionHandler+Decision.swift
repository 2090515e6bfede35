import ChaperoneModel
import MilterProtocol
import ScanPipeline
import NIOCore
import NIOPosix
import RecipientExpansion
import Store
import ServiceMetrics

extension MilterSessionHandler {
    /// End of message: wait for a scan worker and room in the scan budget (at most
    /// `milter.admission_wait_seconds`), read the message back, scan it on the thread
    /// pool, record the decision durably, then reply. PROGRESS keeps Postfix waiting
    /// while this runs; `scan_deadline_seconds` bounds the scan from its start, after
    /// which the fail action is sent and the scan stops at its next checkpoint.
    func decide(_ info: MilterMessageInfo, context: ChannelHandlerContext) {
        guard let message = self.message else {
            self.reply(.tempfail, context: context)
            return
        }
        self.logger[metadataKey: "queue_id"] = "\(info.macro("i") ?? "-")"
        let spool = message.spool
        let configuration = message.snapshot.configuration
        self.core.updateStatistics {
            $0.largestMessageBytes = max($0.largestMessageBytes, spool.totalBytes)
            $0.peakMessageMemoryBytes = max($0.peakMessageMemoryBytes, spool.peakMemoryBytes)
            if spool.isSpooled { $0.messagesSpooled += 1 }
        }
        self.nextToken += 1
        let token = self.nextToken
        self.pending = PendingDecision(token: token, envelope: Envelope(info))
        self.core.decisionStarted()
        // Mail out of scope (inbound) is accepted unread, however large.
        if spool.isOverLimit, message.snapshot.scanner.reads(Envelope(info)) {
            self.finish(token: token, outcome: .failed(.messageTooLarge(limit: spool.messageLimit)), context: context)
            return
        }
        self.scheduleProgress(token: token, interval: configuration.milter.progressIntervalSeconds, context: context)
        self.admit(token: token, message: message, envelope: Envelope(info), context: context)
    }

    /// Admitted: the scan deadline starts, and the scan runs on its worker.
    func startScan(token: Int, message: MessageInProgress, envelope: Envelope, ticket: ScanAdmission.Ticket,
                   context: ChannelHandlerContext) {
        guard let cancellation = self.pending?.cancellation else { return }
        let seconds = message.snapshot.configuration.limits.scanDeadlineSeconds
        self.pending?.deadline?.cancel()
        self.pending?.deadline = context.eventLoop.assumeIsolated().scheduleTask(in: Self.amount(seconds)) {
            cancellation.cancel()
            self.finish(token: token, outcome: .failed(.deadlineExceeded(seconds: seconds)), context: context)
        }
        self.outcome(of: message, envelope: envelope, cancellation: cancellation, ticket: ticket, eventLoop: context.eventLoop)
            .assumeIsolated()
            .whenSuccess { outcome in self.finish(token: token, outcome: outcome, context: context) }
    }

    private func scheduleProgress(token: Int, interval: Double, context: ChannelHandlerContext) {
        guard interval > 0 else { return }
        self.pending?.progress = context.eventLoop.assumeIsolated().scheduleTask(in: Self.amount(interval)) {
            guard self.pending?.token == token else { return }
            self.reply(.progress, context: context)
            self.scheduleProgress(token: token, interval: interval, context: context)
        }
    }

    /// Scan and record, never failing: every error becomes a `FailureReason`.
    /// The admission ticket is released as soon as the scan's thread is free (and on
    /// every other path, since a release is idempotent).
    private func outcome(
        of message: MessageInProgress, envelope: Envelope, cancellation: ScanCancellation,
        ticket: ScanAdmission.Ticket, eventLoop: any EventLoop
    ) -> EventLoopFuture<DecisionOutcome> {
        let scanner = message.snapshot.scanner
        let expander = message.snapshot.expander
        let deadline = message.snapshot.configuration.limits.scanDeadlineSeconds
        let core = self.core
        let logger = self.logger
        return message.spool.contents().flatMap { bytes -> EventLoopFuture<DecisionOutcome> in
            core.threadPool.runIfActive(eventLoop: eventLoop) { () -> ScanReport in
                core.updateStatistics { $0.scansInFlight += 1 }
                defer {
                    core.updateStatistics { $0.scansInFlight -= 1 }
                    core.admission.release(ticket)
                }
                // Expansion may run Postfix's lookup programs: here, on the scan thread.
                try cancellation.check("recipient expansion")
                let judged = try expander.map { expander throws in try expander.expand(envelope) } ?? envelope
                return try scanner.scan(message: bytes, envelope: judged, cancellation: cancellation)
            }.flatMap { report in
                let record = DecisionRecord(report: report, envelope: envelope, configVersion: scanner.configVersion)
                // Durable before acknowledged: no reply until the row is committed; a
                // decision that cannot be recorded is not given.
                guard report.action == .quarantine else {
                    return eventLoop.makeFutureWithTask { try await core.store.record(record) }
                        .map { DecisionOutcome.decided(report) }
                        .recover { error in
                            logger.error("decision not recorded", metadata: ["decision": "\(report.decisionID)", "error": "\(error)"])
                            return .failed(.storeFailed)
                        }
                }
                return eventLoop.makeFutureWithTask { try await core.store.recordQuarantine(record, rawMessage: bytes) }
                    .map { DecisionOutcome.decided(report) }
                    .recover { error in
                        logger.error("quarantine copy not stored", metadata: ["decision": "\(report.decisionID)", "error": "\(error)"])
                        return .failed(.storeFailed)
                    }
            }.recover { error in
                if error is ScanCancelled {
                    // Its fail action went out already (deadline) or nobody waits (gone).
                    core.updateStatistics { $0.scansCancelled += 1 }
                    logger.info("scan stopped at a checkpoint after cancellation", metadata: ["passed_checkpoints": "\(cancellation.passedTotal)"])
                    return .failed(.deadlineExceeded(seconds: deadline))
                }
                if let expansion = error as? ExpansionError {
                    logger.error("recipients not expanded", metadata: ["error": "\(expansion)"])
                    return .failed(.recipientExpansionFailed(limit: expansion.limit))
                }
                if let unknown = error as? UnknownSchoolError {
                    logger.warning("mail from no configured school", metadata: ["reason": "\(unknown.reason)"])
                    return .failed(.unknownSchool)
                }
                logger.error("scanner failed", metadata: ["error": "\(error)"])
                return .failed(.scannerFailed)
            }
        }.recover { error in
            logger.error("spooled message could not be read back", metadata: ["error": "\(error)"])
            return .failed(.spoolFailed)
        }.always { _ in core.admission.release(ticket) }
    }

    func finish(token: Int, outcome: DecisionOutcome, context: ChannelHandlerContext) {
        guard self.pending?.token == token, self.pending?.isReplying == false, let message = self.message else { return }
        let replies = DecisionReplies(
            configuration: message.snapshot.configuration,
            headerLeadingSpace: self.machine.headerLeadingSpace,
            originalSubject: message.subject,
            recipientHeaders: message.recipientHeaders
        )
        let responses: [MilterResponse]
        switch outcome {
        case .decided(let report):
            responses = replies.replies(for: report)
            self.core.updateStatistics { $0.messagesDecided += 1 }
            self.logger.info("decided", metadata: [
                "decision": "\(report.decisionID)", "action": "\(report.action.rawValue)",
                "sections": "\(DecisionReplies.list(report.sections))",
                "policy_rules": "\(report.rules.isEmpty ? "none" : report.rules.joined(separator: ","))",
                "governing_sections": "\(DecisionReplies.list(report.governingSections))",
                "bytes": "\(message.spool.totalBytes)", "spooled": "\(message.spool.isSpooled)",
                "sender_role": "\(report.sender.role.rawValue)", "rules": "\(report.sender.rules.rawValue)",
                "scanned": "\(report.sender.scanned)",
                "exposed_recipients": "\(Self.exposureLogValue(report))",
                "school": "\(report.schoolID ?? "-")",
            ])
        case .failed(let reason):
            responses = replies.replies(for: reason)
            ChaperoneMetrics.failAction(reason: reason.metricLabel)
            self.core.updateStatistics { $0.failActions += 1 }
            self.logger.warning("fail action applied", metadata: [
                "reason": "\(reason)", "fail_action": "\(message.snapshot.configuration.milter.failAction.rawValue)",
                "limit": "\(reason.limit ?? "-")",
            ])
            if let envelope = self.pending?.envelope,
               let record = self.failActionRecord(reason, envelope: envelope, snapshot: message.snapshot, size: message.spool.totalBytes)
            {
                // The row is committed before the fail action's reply, like any decision.
                self.pending?.isReplying = true
                let store = self.core.store
                let logger = self.logger
                context.eventLoop.makeFutureWithTask { try await store.record(record) }
                    .assumeIsolated()
                    .whenComplete { result in
                        if case .failure(let error) = result {
                            logger.error("fail action not recorded", metadata: ["decision": "\(record.report.decisionID)", "error": "\(error)"])
                        }
                        guard self.pending?.token == token else { return }
                        self.send(responses, context: context)
                    }
                return
            }
        }
        self.send(responses, context: context)
    }

    private func send(_ responses: [MilterResponse], context: ChannelHandlerContext) {
        for response in responses {
            context.write(self.wrapOutboundOut(response), promise: nil)
        }
        context.flush()
        self.endMessage()
        self.machine.decisionSent()
        // Postfix owes the next command from now: the idle clock starts again here, not
        // at the last command before the decision.
        self.armIdleTimer(context: context)
    }

    /// A fail action that delivers or refuses the message unscanned (`accept`, `reject`)
    /// is a decision like any other and goes in the log, marked with the reason, so the
    /// DPO can see what passed unchecked. A tempfail decides nothing (nil): the sending
    /// server keeps the message and its retry is decided then, so it is only logged.
    private func failActionRecord(_ reason: FailureReason, envelope: Envelope, snapshot: MilterSnapshot, size: Int) -> DecisionRecord? {
        let action: Action
        switch snapshot.configuration.milter.failAction {
        case .tempfail: return nil
        case .accept: action = .accept
        case .reject: action = .reject
        }
        let problem = ScanProblem(
            kind: reason.limit == nil ? .unscannable : .limitHit, location: "message", limit: reason.limit,
            message: "not scanned: \(reason); milter.fail_action \(snapshot.configuration.milter.failAction.rawValue) applied")
        let report = ScanReport(action: action, problems: [problem], sizeBytes: size)
        return DecisionRecord(report: report, envelope: envelope, configVersion: snapshot.scanner.configVersion)
    }

    /// `rewrite (31 groups)`, `hold (31 groups)`, or `-`: the count, never an address.
    static func exposureLogValue(_ report: ScanReport) -> String {
        guard let finding = report.findings.first(where: { $0.detector == .exposedRecipients }) else { return "-" }
        return "\(finding.detail ?? "-") (\(finding.evidence))"
    }

    static func amount(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64(max(0, min(seconds, 86_400)) * 1_000_000_000))
    }
}
