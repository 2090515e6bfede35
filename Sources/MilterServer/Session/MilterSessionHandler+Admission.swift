import ChaperoneModel
import NIOCore

extension MilterSessionHandler {
    /// Asks the server's `ScanAdmission` for a scan worker. Granted at once, or after a
    /// wait of at most `milter.admission_wait_seconds` (then `startScan`); otherwise the
    /// fail action, with the limit that stopped it. While the message waits it holds no
    /// worker and no more memory than it already did.
    func admit(token: Int, message: MessageInProgress, envelope: Envelope, context: ChannelHandlerContext) {
        let admission = self.core.admission
        let wait = message.snapshot.configuration.milter.admissionWaitSeconds
        let request = admission.request(bytes: message.spool.totalBytes, mayWait: wait > 0, eventLoop: context.eventLoop)
        let ticket = request.ticket
        self.pending?.ticket = ticket
        if request.waits {
            self.core.updateStatistics { $0.admissionWaits += 1 }
            self.pending?.deadline = context.eventLoop.assumeIsolated().scheduleTask(in: Self.amount(wait)) {
                // Withdrawn before it was granted: the wait is over.
                guard admission.withdraw(ticket) else { return }
                self.refuse(token: token, limit: "milter.admission_wait_seconds", context: context)
            }
        }
        request.granted.assumeIsolated().whenComplete { result in
            switch result {
            case .success:
                guard self.pending?.token == token, self.pending?.isReplying == false else {
                    // The decision was given up (connection gone) while the grant was under way.
                    admission.release(ticket)
                    return
                }
                self.startScan(token: token, message: message, envelope: envelope, ticket: ticket, context: context)
            case .failure(let refusal):
                // A withdrawal was made by whoever gave up the wait; they chose the outcome.
                guard refusal as? ScanAdmission.Refusal == .overBudget, self.pending?.token == token else { return }
                self.refuse(token: token, limit: "milter.max_scan_bytes_in_flight", context: context)
            }
        }
    }

    private func refuse(token: Int, limit: String, context: ChannelHandlerContext) {
        let load = self.core.admission.load
        self.core.updateStatistics { $0.admissionRefusals += 1 }
        self.logger.warning("message not admitted for scanning: the scan workers and budget are full", metadata: [
            "limit": "\(limit)", "scans_running": "\(load.running)", "scan_bytes_in_flight": "\(load.bytesInFlight)",
            "waiting": "\(load.waiting)",
        ])
        self.finish(token: token, outcome: .failed(.overloaded(limit: limit)), context: context)
    }
}
