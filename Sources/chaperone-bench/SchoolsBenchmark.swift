import ArgumentParser
import ChaperoneModel
import Foundation
import RosterImport
import ScanPipeline

/// `chaperone-bench schools`: a trust of N generated schools × M pupils (MIS CSV
/// rosters held in memory, so file reads are not timed): start-up (every roster imported
/// and every school's pipeline built, on every core), a reload after one school's export
/// changed, the resident memory the loaded schools hold, and the per-message cost of a
/// scan routed to its school against the same school deployed alone.
/// Run with `swift build -c release --product chaperone-bench`.
struct SchoolsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools", abstract: "Start-up, one-school reload, memory and per-message cost for N schools × M pupils.")

    @Option(help: "Schools in the generated trust.") var schools = 100
    @Option(help: "Pupils on each school's roster.") var pupils = 1_500
    @Option(help: "Runs to take the median of.") var runs = 3
    @Option(help: "Messages scanned for the per-message cost.") var messages = 300

    func run() throws {
        let files = (0..<schools).map { Self.school($0, pupils: pupils) }
        let trustConfiguration = Self.trust(files)
        let baseline = Self.residentKilobytes()
        let clock = ContinuousClock()
        var loaded: [LoadedSchool] = []
        var pipelines: SchoolPipelines?
        let cpuBefore = Self.processCPUSeconds()
        let first = clock.measure {
            loaded = SchoolPipelines.load(files).compactMap { try? $0.get() }
            pipelines = SchoolPipelines(configuration: trustConfiguration, loaded: loaded)
        }
        let startupCPU = Self.processCPUSeconds() - cpuBefore
        guard let trust = pipelines, loaded.count == schools else { throw ValidationError("a generated school did not load") }
        let resident = Self.residentKilobytes() - baseline
        var startups = [first]
        for _ in 1..<max(1, runs) {
            startups.append(clock.measure { _ = SchoolPipelines(configuration: trustConfiguration, loaded: SchoolPipelines.load(files).compactMap { try? $0.get() }) })
        }
        var reloads: [Duration] = []
        var reloadCPU: [Double] = []
        var rebuilt = 0
        for run in 0..<max(1, runs) {
            var changed = files
            changed[0] = Self.school(0, pupils: pupils, extra: run + 1)
            let before = Self.processCPUSeconds()
            defer { reloadCPU.append(Self.processCPUSeconds() - before) }
            reloads.append(clock.measure {
                let again = SchoolPipelines.load(changed, previous: loaded).compactMap { try? $0.get() }
                rebuilt = again.filter { !$0.reused }.count
                _ = SchoolPipelines(configuration: trustConfiguration, loaded: again)
            })
        }
        let (alone, routed) = try perMessage(trust: trust, files: files)
        print("\(schools) schools × \(pupils) pupils (\(schools * pupils) in all), median of \(runs) runs:")
        print("  start-up (import + build, all schools): \(StartupBenchmark.median(startups)) ms wall; first run \(Self.rounded(startupCPU)) CPU-s")
        print("  reload after one school's roster changed: \(StartupBenchmark.median(reloads)) ms wall, \(Self.rounded(reloadCPU.sorted()[reloadCPU.count / 2])) CPU-s (\(rebuilt) school rebuilt)")
        print("  resident memory of the loaded schools: \(resident / 1024) MB (VmRSS \(Self.residentKilobytes() / 1024) MB in all)")
        print("  per message: \(Self.microseconds(alone)) µs for the school alone, \(Self.microseconds(routed)) µs routed within the trust"
            + " (\(Self.percent(routed, over: alone)))")
    }

    /// Median per-message time of the same messages scanned by school 0 deployed alone,
    /// and routed to it within the trust.
    func perMessage(trust: SchoolPipelines, files: [SchoolRosterFiles]) throws -> (Duration, Duration) {
        guard case .success(let single) = SchoolPipelines.load([files[0]]).first else { throw ValidationError("school 0 did not load") }
        let roster = single.rosterReport.roster
        let bodies = (0..<messages).map { index -> [UInt8] in
            let pupil = roster.students[(index * 37) % roster.students.count]
            let text = "From: teacher@school0.example\r\nTo: coach@club.example\r\nSubject: fixtures \(index)\r\n\r\n"
                + SyntheticSchool.filler.joined(separator: " ") + " \(pupil.legalForename) \(pupil.surname) was unwell today. "
                + SyntheticSchool.filler.reversed().joined(separator: " ") + "\r\n"
            return Array(text.utf8)
        }
        let envelope = Envelope(sender: "teacher@school0.example", recipients: ["coach@club.example"])
        let clock = ContinuousClock()
        var alone: [Duration] = [], routed: [Duration] = []
        for _ in 0..<max(3, runs) {
            alone.append(clock.measure { for body in bodies { _ = single.pipeline.scan(message: body, envelope: envelope) } })
            routed.append(try clock.measure { for body in bodies { _ = try trust.scan(message: body, envelope: envelope) } })
        }
        return (alone.sorted()[alone.count / 2] / messages, routed.sorted()[routed.count / 2] / messages)
    }

    /// School `index`: its configuration and generated roster CSV (`extra` more pupils).
    static func school(_ index: Int, pupils: Int, extra: Int = 0) -> SchoolRosterFiles {
        var configuration = Configuration()
        configuration.school.name = "School \(index)"
        configuration.school.domains = ["school\(index).example"]
        configuration.senders.pupilDomains = ["pupils.school\(index).example"]
        configuration.roster.files = ["school\(index).csv"]
        let roster = SyntheticSchool.roster(pupils: pupils + extra, first: index * pupils, pupilDomain: "pupils.school\(index).example")
        return SchoolRosterFiles(id: "school-\(index)", configuration: configuration,
                                 rosters: [RosterSource(name: "school\(index).csv", bytes: SyntheticSchool.csv(roster))], staff: nil)
    }

    static func trust(_ files: [SchoolRosterFiles]) -> Configuration {
        var configuration = Configuration()
        configuration.schools = files.map { Configuration.SchoolEntry(id: $0.id ?? "", configuration: $0.configuration) }
        return configuration
    }

    /// CPU time this process has used (every thread), in seconds.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func rounded(_ seconds: Double) -> String { String((seconds * 1000).rounded() / 1000) }

    /// This process's resident set (VmRSS), in kB.
    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    static func microseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        return String(Int(value.rounded()))
    }

    static func percent(_ value: Duration, over base: Duration) -> String {
        let ratio = (value / base - 1) * 100
        return (ratio >= 0 ? "+" : "") + String(Int(ratio.rounded())) + " %"
    }
}
