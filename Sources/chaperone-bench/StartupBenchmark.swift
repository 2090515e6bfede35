import ArgumentParser
import ChaperoneModel
import RosterImport
import ScanPipeline

/// `chaperone-bench startup`: how long `serve` takes to be ready (and a SIGHUP reload to
/// build its new runtime) for a generated roster: the MIS CSV import, then the scan
/// pipeline's build (the roster automaton, the policy tables). Medians of several runs.
/// Run with `swift run -c release chaperone-bench startup`.
struct StartupBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup", abstract: "Roster import and automaton build time for a generated roster.")

    @Option(help: "Pupils in the generated roster CSV.") var pupils = 20_000
    @Option(help: "Runs to take the median of.") var runs = 7

    func run() async throws {
        let roster = SyntheticSchool.roster(pupils: self.pupils)
        let csv = SyntheticSchool.csv(roster)
        var configuration = Configuration()
        configuration.school.domains = ["ralphthoresby.example", "pupils.ralphthoresby.example"]
        let clock = ContinuousClock()
        var imports: [Duration] = []
        var builds: [Duration] = []
        var loaded = 0
        for _ in 0..<max(1, self.runs) {
            var result: RosterImportResult?
            imports.append(clock.measure {
                result = RosterImporter.importFiles([RosterSource(name: "bench.csv", bytes: csv)], staff: nil)
            })
            guard let imported = result?.roster else { continue }
            loaded = imported.students.count
            var pipeline: ScanPipeline?
            builds.append(clock.measure { pipeline = ScanPipeline(configuration: configuration, roster: imported) })
            precondition(pipeline != nil)
        }
        let total = zip(imports, builds).map { $0 + $1 }
        print("start-up for \(loaded) pupils (\(csv.count / 1_000) kB CSV), median of \(self.runs) runs:")
        print("  roster import \(Self.median(imports)) ms, pipeline build (automaton, policy) \(Self.median(builds)) ms,"
            + " ready in \(Self.median(total)) ms (fastest \(Self.milliseconds(total.min() ?? .zero)) ms)")
    }

    static func median(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        return sorted.isEmpty ? "-" : Self.milliseconds(sorted[sorted.count / 2])
    }

    static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return "\((value * 10).rounded() / 10)"
    }
}
