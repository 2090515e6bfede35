import ChaperoneModel
import Logging
import MilterProtocol
import NIOCore
import NIOPosix

/// One milter connection: feeds commands to the session state machine and carries out
/// its actions: gathering the message, deciding at end of message, answering Postfix.
/// Any protocol error closes the connection, and Postfix applies
/// `milter_default_action` (tempfail) to the session.
final class MilterSessionHandler: ChannelInboundHandler {
    typealias InboundIn = MilterCommand
    typealias OutboundOut = MilterResponse

    /// A decision under way; `token` tells a late completion from the current one.
    struct PendingDecision {
        var token: Int
        /// The envelope, so a fail action can be logged as a decision.
        var envelope: Envelope
        /// Stops the scan at its next checkpoint once the decision no longer needs it.
        var cancellation = ScanCancellation()
        /// The request for a scan worker, while it waits or runs.
        var ticket: ScanAdmission.Ticket?
        var progress: Scheduled<Void>?
        /// The end of the admission wait, then the scan deadline.
        var deadline: Scheduled<Void>?
        /// Set once an outcome was chosen and its row is being committed: later
        /// outcomes (a late scan, the deadline) are ignored.
        var isReplying = false
    }

    let core: MilterServerCore
    var machine = MilterSessionStateMachine(wanted: .chaperone)
    var message: MessageInProgress?
    var pending: PendingDecision?
    var nextToken = 0
    var logger: Logger
    /// `milter.idle_timeout_seconds`, as configured when the connection opened.
    let idleTimeout: TimeAmount
    /// Closes the connection when Postfix has been silent for `idleTimeout` while it
    /// owed a command; not armed while a decision is under way (see `armIdleTimer`).
    var idleTimer: Scheduled<Void>?

    init(core: MilterServerCore) {
        self.core = core
        self.logger = core.logger
        self.idleTimeout = Self.amount(core.snapshot.configuration.milter.idleTimeoutSeconds)
    }

    func channelActive(context: ChannelHandlerContext) {
        self.logger[metadataKey: "peer"] = "\(context.remoteAddress.map { "\($0)" } ?? "unix")"
        self.armIdleTimer(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let command = self.unwrapInboundIn(data)
        do {
            let action = try self.machine.receive(command)
            self.perform(action, context: context)
            // After the command: end of message has started a decision, which disarms it.
            self.armIdleTimer(context: context)
        } catch {
            self.protocolFailure(error, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.protocolFailure(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.idleTimer?.cancel()
        self.idleTimer = nil
        self.endMessage()
        context.fireChannelInactive()
    }

    func reply(_ response: MilterResponse, context: ChannelHandlerContext) {
        context.writeAndFlush(self.wrapOutboundOut(response), promise: nil)
    }

    private func protocolFailure(_ error: any Error, context: ChannelHandlerContext) {
        self.logger.warning("closing milter connection after a protocol error", metadata: ["error": "\(error)"])
        self.endMessage()
        context.close(promise: nil)
    }

    /// Forgets the message and any decision under way (ABORT, QUIT, closed connection,
    /// or the reply sent): a scan still running stops at its next checkpoint and a
    /// request still waiting for a worker leaves the queue.
    func endMessage() {
        if let pending = self.pending {
            pending.progress?.cancel()
            pending.deadline?.cancel()
            self.pending = nil
            pending.cancellation.cancel()
            if let ticket = pending.ticket { self.core.admission.withdraw(ticket) }
            self.core.decisionFinished()
        }
        self.message?.spool.discard()
        self.message = nil
    }
}
