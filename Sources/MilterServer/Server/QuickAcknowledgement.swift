import Glibc
import NIOCore

/// First in the pipeline of a TCP milter connection: asks the kernel to acknowledge what
/// Postfix sends at once (`TCP_QUICKACK`), after every read, since Linux leaves quick-ack
/// mode again on its own. Postfix writes the events it expects no reply to back to back,
/// and with Nagle's algorithm each waits for the acknowledgement of the one before; a
/// delayed acknowledgement would hold each for up to 40 ms (see `MilterOptions.chaperone`).
/// A Unix-domain socket has neither, and does without this handler.
final class QuickAcknowledgementHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        try? context.channel.syncOptions?.setOption(.tcpOption(.init(rawValue: CInt(TCP_QUICKACK))), value: 1)
        context.fireChannelRead(data)
    }
}
