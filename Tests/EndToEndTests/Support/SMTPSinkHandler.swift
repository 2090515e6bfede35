import NIOCore

/// One SMTP session at the sink: a line-by-line state machine that answers 250 to
/// everything and hands each complete message to `deliver`.
final class SMTPSinkHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var pending = ByteBuffer()
    private var inData = false
    private var message: [UInt8] = []
    private let deliver: @Sendable ([UInt8]) -> Void

    init(deliver: @escaping @Sendable ([UInt8]) -> Void) {
        self.deliver = deliver
    }

    func channelActive(context: ChannelHandlerContext) {
        self.send("220 sink.test ESMTP\r\n", context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = self.unwrapInboundIn(data)
        self.pending.writeBuffer(&incoming)
        while let newline = self.pending.readableBytesView.firstIndex(of: 0x0A) {
            let length = newline - self.pending.readerIndex + 1
            guard var line = self.pending.readBytes(length: length) else { break }
            line.removeLast()
            if line.last == 0x0D { line.removeLast() }
            self.handle(line, context: context)
        }
        self.pending.discardReadBytes()
    }

    private func handle(_ line: [UInt8], context: ChannelHandlerContext) {
        if self.inData {
            if line == [UInt8(ascii: ".")] {
                self.deliver(self.message)
                self.message = []
                self.inData = false
                self.send("250 2.0.0 Ok: queued\r\n", context: context)
            } else {
                self.message += (line.first == UInt8(ascii: ".") ? Array(line.dropFirst()) : line) + [0x0D, 0x0A]
            }
            return
        }
        switch String(decoding: line.prefix(4), as: UTF8.self).uppercased() {
        case "EHLO": self.send("250-sink.test\r\n250 8BITMIME\r\n", context: context)
        case "DATA":
            self.inData = true
            self.send("354 End data with <CR><LF>.<CR><LF>\r\n", context: context)
        case "QUIT":
            self.send("221 2.0.0 Bye\r\n", context: context)
            context.close(promise: nil)
        default: self.send("250 2.0.0 Ok\r\n", context: context)
        }
    }

    private func send(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }
}
