import ArgumentParser
import ChaperoneModel
import Foundation
import Logging
import MilterProtocol
import MilterServer
import NIOCore
import ScanPipeline
import Store

/// `chaperone-bench milter-load`: a burst of large messages through the real scan
/// pipeline — by default 50 connections at once, each sending one message with a 1 MB
/// CSV of pupil rows (a generated 2,000-pupil roster) from staff to an outside address.
/// Every message must be decided (held); the figures are the verdicts, how many hit the
/// scan deadline or were refused admission, the slowest decision, the server's
/// admission and cancellation counters, and the peak RSS of the process.
struct MilterLoadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milter-load", abstract: "Concurrent large CSV messages through the milter and the real scanner.")

    @Option(help: "Connections sending at once.") var connections = 50
    @Option(help: "Messages per connection.") var messages = 1
    @Option(help: "Size of each CSV attachment in bytes.") var csvBytes = 1_000_000
    @Option(help: "Pupils in the generated roster.") var pupils = 2_000
    @Option(help: "milter.max_scan_bytes_in_flight.") var maxScanBytesInFlight = Configuration.Milter().maxScanBytesInFlight
    @Option(help: "milter.admission_wait_seconds.") var admissionWaitSeconds = Configuration.Milter().admissionWaitSeconds
    @Option(help: "limits.scan_deadline_seconds.") var scanDeadlineSeconds = Limits().scanDeadlineSeconds

    func run() async throws {
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-load-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: spool) }
        var configuration = Configuration()
        configuration.school.domains = ["school.example"]
        configuration.milter.spoolDirectory = spool
        configuration.milter.maxScanBytesInFlight = self.maxScanBytesInFlight
        configuration.milter.admissionWaitSeconds = self.admissionWaitSeconds
        configuration.limits.scanDeadlineSeconds = self.scanDeadlineSeconds
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let roster = SyntheticSchool.roster(pupils: self.pupils)
        let pipeline = ScanPipeline(configuration: configuration, roster: roster, version: "bench")
        let server = MilterServer(configuration: configuration, scanner: pipeline, store: DiscardingStore(), logger: logger)
        guard let address = try await server.start(address: .inet(host: "127.0.0.1", port: 0)) else { return }
        let body = Self.body(csv: Self.csv(roster, bytes: self.csvBytes))
        let rssBefore = MilterBenchmark.peakRSS()
        print("milter-load: \(self.connections) connections × \(self.messages) message(s), \(body.count / 1_000) kB each"
            + " (\(self.csvBytes / 1_000) kB CSV, base64), \(self.pupils)-pupil roster, \(System.coreCount) cores,"
            + " load average \(Self.loadAverage()); peak RSS before: \(rssBefore) kB")
        let started = ContinuousClock.now
        let outcomes = try await withThrowingTaskGroup(of: [MilterBenchmarkClient.Outcome].self) { group in
            for _ in 0..<self.connections {
                group.addTask {
                    try await MilterBenchmarkClient.run(address: address, messages: self.messages, body: body, envelope: Self.envelope)
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = ContinuousClock.now - started
        // Scans abandoned at their deadline must stop at their next checkpoint.
        let abandoned = server.statistics.scansInFlight
        let stopping = ContinuousClock.now
        while server.statistics.scansInFlight > 0, ContinuousClock.now - stopping < .seconds(60) {
            try await Task.sleep(for: .milliseconds(5))
        }
        let stopped = ContinuousClock.now - stopping
        let statistics = server.statistics
        await server.shutdown()
        var verdicts: [String: Int] = [:]
        for outcome in outcomes { verdicts[Self.name(outcome.verdict), default: 0] += 1 }
        let slowest = outcomes.map(\.latency).max() ?? .zero
        print("  verdicts: " + verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("  wall \(MilterBenchmark.milliseconds([elapsed], 0) / 1000) s, slowest decision \(MilterBenchmark.milliseconds([slowest], 0) / 1000) s")
        print("  decided \(statistics.messagesDecided), fail actions \(statistics.failActions),"
            + " admission waits \(statistics.admissionWaits), refusals \(statistics.admissionRefusals),"
            + " scans cancelled \(statistics.scansCancelled), peak scan bytes in flight \(statistics.peakScanBytesInFlight)")
        print("  scans still running after the last verdict: \(abandoned), all stopped \(MilterBenchmark.milliseconds([stopped], 0)) ms later"
            + " (\(statistics.scansInFlight) still running)")
        print("  peak RSS of the process (milter + clients): \(MilterBenchmark.peakRSS()) kB")
    }

    static func name(_ verdict: MilterResponse) -> String {
        switch verdict {
        case .replyCode(let text) where text.contains("longer than"): "deadline hit"
        case .replyCode(let text) where text.contains("busy"): "refused (busy)"
        case .replyCode(let text): String(text.prefix(3))
        default: "\(verdict)"
        }
    }

    /// Roster rows (UPN, name, DOB, address, parent) repeated up to `bytes`.
    static func csv(_ roster: Roster, bytes: Int) -> [UInt8] {
        let whole = SyntheticSchool.csv(roster)
        guard let firstRowEnd = whole.firstIndex(of: 0x0A) else { return whole }
        let header = Array(whole[...firstRowEnd])
        let rows = whole[(firstRowEnd + 1)...]
        var output = header
        while output.count < bytes { output += rows.prefix(bytes - output.count) }
        return output
    }

    /// The MIME body: a short note and the CSV as a base64 attachment, CRLF lines.
    static func body(csv: [UInt8]) -> [UInt8] {
        let base64 = Data(csv).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = [
            "--load", "Content-Type: text/plain; charset=utf-8", "", "The class lists for the trip are attached.", "",
            "--load", "Content-Type: text/csv; name=\"pupils.csv\"", "Content-Disposition: attachment; filename=\"pupils.csv\"",
            "Content-Transfer-Encoding: base64", "", base64, "--load--", "",
        ].joined(separator: "\r\n")
        return Array(text.utf8)
    }

    @Sendable
    static func envelope(_ index: Int) -> [MilterCommand] {
        [
            .macros(forCommand: UInt8(ascii: "M"), [MilterMacro(name: "{auth_authen}", value: "teacher")]),
            .mail(sender: "<teacher@school.example>", arguments: ["BODY=8BITMIME"]),
            .recipient("<trips@example-travel.co.uk>", arguments: []),
            .macros(forCommand: UInt8(ascii: "T"), [MilterMacro(name: "i", value: "L\(index)")]),
            .data,
            .header(name: "From", value: Array(" teacher@school.example".utf8)),
            .header(name: "To", value: Array(" trips@example-travel.co.uk".utf8)),
            .header(name: "Subject", value: Array(" Class lists".utf8)),
            .header(name: "MIME-Version", value: Array(" 1.0".utf8)),
            .header(name: "Content-Type", value: Array(" multipart/mixed; boundary=\"load\"".utf8)),
            .endOfHeaders,
        ]
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
