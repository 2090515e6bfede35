import ArgumentParser
import ChaperoneModel
import Detectors
import RosterImport

/// `chaperone-bench detect`: detection throughput with generated rosters of 2,000 and
/// 20,000 pupils over a few MB of school-like text, and roster import time for a
/// generated 50,000-pupil CSV and CTF. Run with `swift run -c release chaperone-bench detect`.
struct DetectBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detection MB/s by roster size, and roster import time."
    )

    @Option(help: "Megabytes of text to scan per roster size.")
    var megabytes = 4

    @Option(help: "Pupils in the generated import files.")
    var importPupils = 50_000

    func run() async throws {
        let clock = ContinuousClock()
        for size in [2_000, 20_000] {
            let roster = SyntheticSchool.roster(pupils: size)
            var engine: DetectionEngine?
            let build = clock.measure { engine = DetectionEngine(roster: roster, thresholds: .init()) }
            guard let engine else { continue }
            let content = SyntheticSchool.content(roster: roster, bytes: megabytes * 1_000_000)
            let textBytes = content.segments.reduce(0) { $0 + $1.text.utf8.count }
            var findings = 0
            let scan = clock.measure { findings = engine.findings(in: content).count }
            let seconds = Self.seconds(scan)
            let rate = Double(textBytes) / 1_000_000 / seconds
            print("pupils \(size): automaton \(engine.automatonStates) states built in \(Self.format(Self.seconds(build))) s; "
                + "scanned \(textBytes / 1_000) kB in \(Self.format(seconds)) s = \(Self.format(rate)) MB/s, \(findings) findings")
        }
        let roster = SyntheticSchool.roster(pupils: importPupils)
        for (label, bytes) in [("CSV", SyntheticSchool.csv(roster)), ("CTF", SyntheticSchool.ctf(roster))] {
            var loaded = 0
            let duration = clock.measure {
                loaded = RosterImporter.importFiles([RosterSource(name: "bench", bytes: bytes)], staff: nil).roster.students.count
            }
            print("import \(label): \(loaded) pupils, \(bytes.count / 1_000) kB in \(Self.format(Self.seconds(duration))) s")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
