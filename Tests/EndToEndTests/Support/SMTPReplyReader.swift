import Foundation
import NIOCore

/// Reads SMTP replies (possibly multi-line, `250-...` then `250 ...`) from a byte stream.
struct SMTPReplyReader {
    struct Closed: Error {}

    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending = ByteBuffer()

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func next() async throws -> SMTPSubmission.Reply {
        var lines: [String] = []
        while true {
            let line = try await self.line()
            lines.append(line)
            let bytes = Array(line.utf8)
            if bytes.count < 4 || bytes[3] != UInt8(ascii: "-") {
                return SMTPSubmission.Reply(lines: lines)
            }
        }
    }

    private mutating func line() async throws -> String {
        while true {
            if let newline = self.pending.readableBytesView.firstIndex(of: 0x0A) {
                let length = newline - self.pending.readerIndex + 1
                let text = self.pending.readString(length: length) ?? ""
                return text.trimmingCharacters(in: ["\r", "\n"])
            }
            guard var more = try await self.iterator.next() else { throw Closed() }
            self.pending.writeBuffer(&more)
        }
    }
}
