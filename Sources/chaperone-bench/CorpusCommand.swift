import ArgumentParser
import Foundation

/// `chaperone-bench corpus DIR`: writes the benchmark corpus of issue 11, the same
/// bytes for the same options on every machine: `messages/` (school-like mail of
/// every kind), a 2,000- and a 20,000-pupil roster of invented pupils, a staff list and
/// a configuration for each roster (`school-2000.yaml`, `school-20000.yaml`), and
/// `large/csv-27mb.eml`: a 27 MB message whose 20 MB CSV attachment lists the pupils
/// over and over (the case that must stay bounded by what is read).
/// `benchmarks/scan-corpus.sh` generates it under `benchmarks/corpus/` (gitignored).
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write the deterministic benchmark corpus (messages, rosters, configurations)."
    )

    @Option(help: "How many messages.")
    var messages = 2_000

    @Option(help: "Roster sizes to write, comma-separated; messages name pupils among the first 2,000.")
    var rosters = "2000,20000"

    @Option(help: "Seed of the generator (the same seed gives the same corpus).")
    var seed: UInt64 = 11

    @Argument(help: "Directory to write (created; files in it are overwritten).")
    var directory: String

    func validate() throws {
        guard messages >= 1, messages <= 1_000_000 else { throw ValidationError("--messages must be between 1 and 1,000,000.") }
        guard let sizes = rosterSizes, !sizes.isEmpty, sizes.allSatisfy({ $0 >= 10 && $0 <= 100_000 }) else {
            throw ValidationError("--rosters must be comma-separated sizes between 10 and 100,000, e.g. 2000,20000.")
        }
    }

    private var rosterSizes: [Int]? {
        let sizes = rosters.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        return sizes.contains(nil) ? nil : sizes.compactMap { $0 }
    }

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        let messageDirectory = root.appendingPathComponent("messages")
        try FileManager.default.createDirectory(at: messageDirectory, withIntermediateDirectories: true)
        let sizes = rosterSizes ?? []
        try Data(CorpusPeople.staffCSV().utf8).write(to: root.appendingPathComponent("staff.csv"))
        for size in sizes {
            try Data(CorpusPeople.rosterCSV(count: size).utf8).write(to: root.appendingPathComponent("roster-\(size).csv"))
            try Data(Self.schoolConfiguration(roster: "roster-\(size).csv").utf8).write(to: root.appendingPathComponent("school-\(size).yaml"))
        }
        var builder = CorpusMessageBuilder(pupils: CorpusPeople.pupils(count: min(2_000, sizes.min() ?? 2_000)),
                                           random: CorpusRandom(seed: seed))
        var bytes = 0
        for index in 0..<messages {
            let message = builder.message(index)
            bytes += message.count
            let name = String(repeating: "0", count: max(0, 6 - String(index).count)) + "\(index).eml"
            try Data(message).write(to: messageDirectory.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("large"), withIntermediateDirectories: true)
        let large = Self.largeCSVMessage(pupils: CorpusPeople.pupils(count: min(2_000, sizes.min() ?? 2_000)), csvBytes: 20_000_000)
        try Data(large).write(to: root.appendingPathComponent("large/csv-27mb.eml"))
        print("\(messages) messages, \(bytes) bytes, rosters \(sizes.map(String.init).joined(separator: ", ")) in \(directory)")
    }

    /// A message to a colleague with `csvBytes` of pupil rows as a base64 CSV attachment.
    static func largeCSVMessage(pupils: [CorpusPupil], csvBytes: Int) -> [UInt8] {
        var csv = CorpusPeople.csvHeading + "\r\n"
        var row = 0
        while csv.utf8.count < csvBytes {
            csv += CorpusPeople.csvRow(pupils[row % pupils.count]) + "\r\n"
            row += 1
        }
        let head = [
            "From: Helen Marsh <\(CorpusPeople.staffAddress("Helen Marsh"))>", "To: \(CorpusPeople.staffAddress("Sarah Dunn"))",
            "Subject: Whole-school export", "Message-ID: <large-csv@\(CorpusPeople.schoolDomain)>", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"large\"", "", "--large", "Content-Type: text/plain; charset=utf-8", "",
            "The export you asked for.", "--large", "Content-Type: text/csv; charset=utf-8; name=\"export.csv\"",
            "Content-Disposition: attachment; filename=\"export.csv\"", "Content-Transfer-Encoding: base64", "", "",
        ].joined(separator: "\r\n")
        let body = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return Array((head + body + "\r\n--large--\r\n").utf8)
    }

    /// The configuration the benchmark scans with: the school's domains, a partner, the
    /// roster and staff list; notices off (a scan sends none anyway).
    static func schoolConfiguration(roster: String) -> String {
        """
        # Benchmark school (all people invented), written by chaperone-bench corpus.
        school:
          name: Oakfield School
          domains: [\(CorpusPeople.schoolDomain), \(CorpusPeople.pupilDomain)]
          partner_domains: [leeds.gov.uk]
        senders:
          pupil_domains: [\(CorpusPeople.pupilDomain)]
        roster:
          files: [\(roster)]
          staff_file: staff.csv
        notifications:
          enabled: false
        store:
          database: /tmp/chaperone-bench-corpus.sqlite

        """
    }
}
