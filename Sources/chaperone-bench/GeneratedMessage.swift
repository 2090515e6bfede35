/// Builds the benchmark message in memory: a text and an HTML body (about 2.5 MB each)
/// and one attachment that is 20 MB once base64-encoded (so 25 MB in all). `stream`
/// hands it over in 64 KiB chunks as it is generated, the way the milter receives a
/// body, so only the parser holds the whole message.
enum GeneratedMessage {
    enum AttachmentKind: String, CaseIterable, Sendable {
        case binary, csv
    }

    static func stream(attachment: AttachmentKind, chunkSize: Int = 64 * 1024, to sink: (ArraySlice<UInt8>) -> Void) {
        var pending: [UInt8] = []
        make(attachment: attachment) { piece in
            pending.append(contentsOf: piece)
            while pending.count >= chunkSize {
                sink(pending[..<chunkSize])
                pending.removeFirst(chunkSize)
            }
        }
        if !pending.isEmpty { sink(pending[...]) }
    }

    /// Calls `emit` with consecutive pieces of the message.
    private static func make(attachment: AttachmentKind, emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        var written = 0
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(contentsOf: [13, 10])
            if out.count >= 16 * 1024 { written += out.count; emit(out); out.removeAll(keepingCapacity: true) }
        }
        func size() -> Int { written + out.count }
        line("From: Bench Sender <bench@oakfield.sch.test>")
        line("To: recipient@example.test")
        line("Subject: =?utf-8?q?Benchmark_message_=E2=80=93_25_MB?=")
        line("Content-Type: multipart/mixed; boundary=\"bench-outer\"")
        line("")
        line("--bench-outer")
        line("Content-Type: multipart/alternative; boundary=\"bench-alt\"")
        line("")
        line("--bench-alt")
        line("Content-Type: text/plain; charset=utf-8")
        line("")
        while size() < 2_500_000 { line("The quick brown fox jumps over the lazy dog near Oakfield Academy, line \(size()).") }
        line("--bench-alt")
        line("Content-Type: text/html; charset=utf-8")
        line("")
        let htmlEnd = size() + 2_500_000
        while size() < htmlEnd {
            line("<p>Paragraph <b>\(size())</b> with an <a href=\"https://example.test/\(size())\">link</a>.</p><table><tr><td>a</td><td>b</td></tr></table>")
        }
        line("--bench-alt--")
        line("--bench-outer")
        switch attachment {
        case .binary:
            line("Content-Type: application/pdf; name=\"large.pdf\"")
        case .csv:
            line("Content-Type: text/csv; charset=utf-8; name=\"large.csv\"")
        }
        line("Content-Disposition: attachment")
        line("Content-Transfer-Encoding: base64")
        line("")
        written += out.count
        emit(out)
        out.removeAll(keepingCapacity: true)
        appendBase64(payload(attachment, bytes: 15_000_000), emit: emit)
        line("--bench-outer--")
        emit(out)
    }

    private static func payload(_ kind: AttachmentKind, bytes count: Int) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(count)
        switch kind {
        case .binary:
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            while data.count < count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                data.append(UInt8(truncatingIfNeeded: state >> 33))
            }
        case .csv:
            var row = 0
            while data.count < count {
                data.append(contentsOf: "Pupil \(row),Form \(row % 30),\(row * 7 % 1000),notes for row \(row)\r\n".utf8)
                row += 1
            }
        }
        return data
    }

    private static func appendBase64(_ data: [UInt8], emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var index = 0
        var column = 0
        while index < data.count {
            let chunk = data[index..<min(index + 3, data.count)]
            var value: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * UInt32(offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)] : UInt8(ascii: "="))
            }
            index += 3
            column += 4
            if column == 76 {
                out.append(contentsOf: [13, 10])
                column = 0
                if out.count >= 16 * 1024 { emit(out); out.removeAll(keepingCapacity: true) }
            }
        }
        out.append(contentsOf: [13, 10])
        emit(out)
    }
}
