import ArgumentParser
import ChaperoneModel
import Foundation
import MIMEParser
import TextExtraction

/// `chaperone-bench parse`: parses and extracts a large message the way the milter
/// would (fed in 64 KiB chunks) and prints the times. By default it builds, in memory, a
/// 25 MB message whose bulk is a 20 MB base64 attachment; `--path` reads a message file
/// instead, and `--attach` wraps any document or archive (`report.odt`, `pupils.tar.gz`)
/// in a message as a base64 attachment, to time one format's reader.
/// Measure peak memory with `/usr/bin/time -v .build/release/chaperone-bench parse`.
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Time MIME parsing and text extraction of a large message."
    )

    @Option(help: "Parse this message file instead of the generated one.")
    var path: String?

    @Option(help: "Attach this document or archive (base64, application/octet-stream) to a short message and time that.")
    var attach: String?

    @Option(help: "Attachment of the generated message: binary (application/pdf) or csv (text that is extracted).")
    var attachment: GeneratedMessage.AttachmentKind = .binary

    @Flag(help: "Parse only (to see the parser's own time and memory).")
    var parseOnly = false

    @Option(help: "How many times to run (the fastest run is reported too).")
    var runs = 1

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        if let path, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("No file at \(path): give the path of a message file.")
        }
        if let attach, !FileManager.default.fileExists(atPath: attach) {
            throw ValidationError("No file at \(attach): give the path of a document to attach.")
        }
        if path != nil, attach != nil { throw ValidationError("Give --path or --attach, not both.") }
    }

    func run() throws {
        var best = Duration.seconds(1_000)
        var totals: [Duration] = []
        for run in 1...runs {
            let clock = ContinuousClock()
            var parser = receive()
            let start = clock.now
            let message = parser.finish()
            let parsed = clock.now
            let content = parseOnly ? MessageContent() : TextExtractor(limits: Limits()).extract(message)
            let extracted = clock.now
            let total = extracted - start
            best = min(best, total)
            totals.append(total)
            let textBytes = content.segments.reduce(0) { $0 + $1.text.utf8.count }
            if run == 1 { print("message: \(message.size) bytes (\(String(format: "%.1f", Double(message.size) / 1_000_000)) MB)") }
            print("run \(run): parse \(Self.ms(parsed - start)) ms, extract \(Self.ms(extracted - parsed)) ms, "
                + "total \(Self.ms(total)) ms; \(message.root.allParts.count) parts, "
                + "\(content.segments.count) segments, \(textBytes) text bytes, \(content.problems.count) problems")
            if run == 1 { for problem in content.problems.prefix(5) { print("  problem: \(problem)") } }
        }
        print("fastest parse+extract: \(Self.ms(best)) ms")
        print("median parse+extract: \(Self.ms(totals.sorted()[totals.count / 2])) ms over \(runs) run(s)")
    }

    /// Feeds the message to a parser in 64 KiB chunks, as the milter receives it.
    private func receive() -> MessageParser {
        if let attach {
            let document = FileManager.default.contents(atPath: attach) ?? Data()
            return feed(GeneratedMessage.wrapping(document, filename: (attach as NSString).lastPathComponent))
        }
        guard let path else {
            var parser = MessageParser(limits: Limits())
            GeneratedMessage.stream(attachment: attachment) { parser.feed($0) }
            return parser
        }
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return feed(bytes)
    }

    private func feed(_ bytes: [UInt8]) -> MessageParser {
        var parser = MessageParser(limits: Limits(), expectedSize: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + 64 * 1024)
            parser.feed(bytes[offset..<end])
            offset = end
        }
        return parser
    }

    static func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
    }
}

extension GeneratedMessage.AttachmentKind: ExpressibleByArgument {}
