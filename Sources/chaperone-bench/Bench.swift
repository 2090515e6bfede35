import ArgumentParser

/// `chaperone-bench`: the project's own benchmarks. Run in release mode:
/// `swift run -c release chaperone-bench <benchmark>`. Benchmarks measure; tests assert.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaperone-bench",
        abstract: "Chaperone's benchmarks (run with -c release).",
        subcommands: [CorpusCommand.self, ParseBenchmark.self, DetectBenchmark.self, MilterBenchmark.self, UPNLookAlikeBenchmark.self,
                      ExpansionBenchmark.self, StoreBenchmark.self, PostgresStoreBenchmark.self, StartupBenchmark.self, SchoolsBenchmark.self,
                      MilterLoadBenchmark.self, WebListBenchmark.self]
    )
}
