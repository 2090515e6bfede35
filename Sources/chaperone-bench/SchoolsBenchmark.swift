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
    @Option(help: "Mail for the per-message cost: short (one short message naming one pupil, the worst case for a trust's fixed cost) or mixed (issue 11's corpus mix).")
    var mail: SchoolsBenchmarkMail = .short
    @Option(help: "For a profiler: after loading, scan only this way for --runs rounds (alone, routed or every-school) and print nothing else.")
    var profileScan: ProfiledScan?

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
        if let profileScan {
            let seconds = try profile(profileScan, trust: trust, files: files, loaded: loaded)
            print("\(profileScan.rawValue): \(Int((seconds / Double(messages * runs) * 1e6).rounded())) µs CPU per message")
            return
        }
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
        let cost = try perMessage(trust: trust, files: files, loaded: loaded)
        print("\(schools) schools × \(pupils) pupils (\(schools * pupils) in all), \(mail.rawValue) mail, median of \(runs) runs:")
        print("  start-up (import + build, all schools): \(StartupBenchmark.median(startups)) ms wall; first run \(Self.rounded(startupCPU)) CPU-s")
        print("  reload after one school's roster changed: \(StartupBenchmark.median(reloads)) ms wall, \(Self.rounded(reloadCPU.sorted()[reloadCPU.count / 2])) CPU-s (\(rebuilt) school rebuilt)")
        print("  resident memory of the loaded schools: \(resident / 1024) MB (VmRSS \(Self.residentKilobytes() / 1024) MB in all)")
        print(cost.summary)
    }

    /// Per-message CPU time (this thread's, so other load on a shared machine does not
    /// count) of three runs over equal work, alternated slice by slice so drift hits
    /// all three alike: school 0 deployed alone scanning its own mail; the trust scanning
    /// the same mail, routed to school 0; and the trust scanning mail from every school
    /// in turn (each message names a pupil of its own school, so each school's tables
    /// are cold when its message comes, as in a real trust).
    func perMessage(trust: SchoolPipelines, files: [SchoolRosterFiles], loaded: [LoadedSchool]) throws -> PerMessageCost {
        guard case .success(let single) = SchoolPipelines.load([files[0]]).first else { throw ValidationError("school 0 did not load") }
        var generator = SchoolMailGenerator(mail: mail, reading: single.pipeline)
        let ownMail = (0..<messages).map { generator.message($0, school: 0, roster: single.rosterReport.roster) }
        let trustMail = (0..<messages).map { index -> ([UInt8], Envelope) in
            let school = index % loaded.count
            return generator.message(index, school: school, roster: loaded[school].rosterReport.roster)
        }
        var alone: [Double] = [], routed: [Double] = [], everySchool: [Double] = []
        // Each round takes the three in turn a slice of 100 messages at a time, so a
        // neighbour's burst on a shared machine lands on all three alike.
        for _ in 0..<max(9, runs) {
            var round = (alone: 0.0, routed: 0.0, everySchool: 0.0)
            for slice in stride(from: 0, to: messages, by: 100) {
                let range = slice..<min(messages, slice + 100)
                round.alone += Self.threadCPUSeconds { for (body, envelope) in ownMail[range] { _ = single.pipeline.scan(message: body, envelope: envelope) } }
                round.routed += try Self.threadCPUSeconds { for (body, envelope) in ownMail[range] { _ = try trust.scan(message: body, envelope: envelope) } }
                round.everySchool += try Self.threadCPUSeconds { for (body, envelope) in trustMail[range] { _ = try trust.scan(message: body, envelope: envelope) } }
            }
            alone.append(round.alone)
            routed.append(round.routed)
            everySchool.append(round.everySchool)
        }
        return PerMessageCost(alone: alone, routed: routed, everySchool: everySchool, messages: messages)
    }

    /// The scans one per-message run makes, alone, for a profiler to see by themselves.
    enum ProfiledScan: String, ExpressibleByArgument { case alone, routed, everySchool = "every-school" }

    func profile(_ scan: ProfiledScan, trust: SchoolPipelines, files: [SchoolRosterFiles], loaded: [LoadedSchool]) throws -> Double {
        guard case .success(let single) = SchoolPipelines.load([files[0]]).first else { throw ValidationError("school 0 did not load") }
        var generator = SchoolMailGenerator(mail: mail, reading: single.pipeline)
        let scanned = (0..<messages).map { index -> ([UInt8], Envelope) in
            let school = scan == .everySchool ? index % loaded.count : 0
            return generator.message(index, school: school,
                                     roster: school == 0 && scan == .alone ? single.rosterReport.roster : loaded[school].rosterReport.roster)
        }
        return try Self.threadCPUSeconds {
            for _ in 0..<runs {
                for (body, envelope) in scanned {
                    if scan == .alone { _ = single.pipeline.scan(message: body, envelope: envelope) } else { _ = try trust.scan(message: body, envelope: envelope) }
                }
            }
        }
    }

    /// Message `index` from a teacher of `school` naming one of its pupils, with its envelope.
    static func message(_ index: Int, school: Int, roster: Roster) -> ([UInt8], Envelope) {
        let pupil = roster.students[(index * 37) % roster.students.count]
        let sender = "teacher@school\(school).example"
        let text = "From: \(sender)\r\nTo: coach@club.example\r\nSubject: fixtures \(index)\r\n\r\n"
            + SyntheticSchool.filler.joined(separator: " ") + " \(pupil.legalForename) \(pupil.surname) was unwell today. "
            + SyntheticSchool.filler.reversed().joined(separator: " ") + "\r\n"
        return (Array(text.utf8), Envelope(sender: sender, recipients: ["coach@club.example"]))
    }

    /// CPU seconds this thread spends in `work`.
    static func threadCPUSeconds(_ work: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        try work()
        return now() - start
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
}
