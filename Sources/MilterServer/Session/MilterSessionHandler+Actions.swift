import MilterProtocol
import NIOCore

extension MilterSessionHandler {
    func perform(_ action: MilterSessionAction, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .reply(let response):
            self.reply(response, context: context)
        case .startMessage(let replyExpected):
            self.startMessage(context: context)
            if replyExpected { self.reply(.continue, context: context) }
        case .appendHeader(let name, let value, let replyExpected):
            self.message?.appendHeader(name: name, value: value, leadingSpace: self.machine.headerLeadingSpace)
            if replyExpected { self.reply(.continue, context: context) }
        case .endHeaders(let replyExpected):
            self.message?.spool.append([0x0D, 0x0A])
            if replyExpected { self.reply(.continue, context: context) }
        case .appendBody(let chunk, let replyExpected):
            self.appendBody(chunk, replyExpected: replyExpected, context: context)
        case .decide(let info, let finalChunk):
            if finalChunk.readableBytes > 0 { self.message?.spool.append(finalChunk.readableBytesView) }
            self.decide(info, context: context)
        case .abortMessage:
            self.endMessage()
        case .close:
            self.endMessage()
            context.close(promise: nil)
        }
    }

    private func startMessage(context: ChannelHandlerContext) {
        self.endMessage()
        let snapshot = self.core.snapshot
        let limits = snapshot.configuration.limits
        let spool = MessageSpool(
            memoryLimit: limits.memorySpoolBytes,
            messageLimit: limits.maxMessageBytes,
            directory: snapshot.configuration.milter.spoolDirectory,
            threadPool: self.core.ioThreadPool,
            eventLoop: context.eventLoop
        )
        self.message = MessageInProgress(snapshot: snapshot, spool: spool)
    }

    /// Answers a BODY chunk only once it is stored, so a slow disk slows Postfix down
    /// instead of filling memory; answers SKIP once the message is over its limit.
    private func appendBody(_ chunk: ByteBuffer, replyExpected: Bool, context: ChannelHandlerContext) {
        guard let spool = self.message?.spool else {
            if replyExpected { self.reply(.continue, context: context) }
            return
        }
        spool.append(chunk.readableBytesView)
        guard replyExpected else { return }
        if spool.isOverLimit {
            self.reply(self.machine.canSkipBody ? .skip : .continue, context: context)
            return
        }
        spool.flushed().assumeIsolated().whenComplete { _ in
            // A failed write is reported at end of message, where it gets the fail action.
            self.reply(.continue, context: context)
        }
    }
}
