import NIOCore

extension MilterSessionHandler {
    /// (Re)starts the idle clock: `milter.idle_timeout_seconds` from now without a
    /// command closes the connection (Postfix is gone or stuck). While a decision is
    /// under way Postfix is rightly silent — the scan is bounded by
    /// `scan_deadline_seconds` instead — so the timer is cancelled then, and started
    /// again only once the decision's reply is written. (Measuring from the last command
    /// read, as a plain read-idle timer does, counted the scan's time against Postfix
    /// and could close the connection just after a long scan's reply.)
    func armIdleTimer(context: ChannelHandlerContext) {
        self.idleTimer?.cancel()
        self.idleTimer = nil
        guard self.pending == nil, context.channel.isActive else { return }
        self.idleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: self.idleTimeout) {
            self.idleTimedOut(context: context)
        }
    }

    private func idleTimedOut(context: ChannelHandlerContext) {
        self.idleTimer = nil
        guard self.pending == nil else { return }
        self.core.updateStatistics { $0.connectionsTimedOut += 1 }
        self.logger.warning("closing idle milter connection", metadata: [
            "limit": "milter.idle_timeout_seconds",
            "idle_timeout_seconds": "\(self.core.snapshot.configuration.milter.idleTimeoutSeconds)",
        ])
        self.endMessage()
        context.close(promise: nil)
    }
}
