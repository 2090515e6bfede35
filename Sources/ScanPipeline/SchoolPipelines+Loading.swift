import ChaperoneModel
import Detectors
import Dispatch
import Foundation
import RosterImport

extension SchoolPipelines {
    /// Imports each school's roster and builds its pipeline, on every core at once;
    /// a school whose files and settings match one in `previous` (by fingerprint and
    /// configuration) keeps its pipeline, so reloading after one school's nightly export
    /// rebuilds that school alone. Pure: the caller reads the files.
    public static func load(_ schools: [SchoolRosterFiles], previous: [LoadedSchool] = []) -> [Result<LoadedSchool, SchoolLoadError>] {
        let earlier = Dictionary(previous.map { ($0.id ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let results = ResultSlots<Result<LoadedSchool, SchoolLoadError>>(count: schools.count)
        DispatchQueue.concurrentPerform(iterations: schools.count) { index in
            let school = schools[index]
            if let kept = earlier[school.id ?? ""], kept.fingerprint == school.fingerprint, kept.configuration == school.configuration {
                results[index] = .success(LoadedSchool(id: kept.id, fingerprint: kept.fingerprint, configuration: kept.configuration,
                                                       pipeline: kept.pipeline, rosterReport: kept.rosterReport, reused: true))
                return
            }
            results[index] = build(school)
        }
        return results.values
    }

    /// One school's roster import and pipeline build.
    static func build(_ school: SchoolRosterFiles) -> Result<LoadedSchool, SchoolLoadError> {
        let result = RosterImporter.importFiles(
            school.rosters, staff: school.staff, consentHeadings: ConsentHeadings(configured: school.configuration.roster.consentColumns))
        if result.isFatal {
            return .failure(SchoolLoadError(schoolID: school.id, schoolName: school.configuration.school.name, problems: result.problems))
        }
        let version = fingerprint(configuration: school.configuration, roster: result.roster)
        let pipeline = ScanPipeline(configuration: school.configuration, roster: result.roster, version: version)
        return .success(LoadedSchool(id: school.id, fingerprint: school.fingerprint, configuration: school.configuration,
                                     pipeline: pipeline, rosterReport: result, reused: false))
    }

    /// The deployment's pipelines from its loaded schools: in the single-school form the
    /// one pipeline (its version unchanged), else every school's with a version that
    /// changes when any school's does.
    public init(configuration: Configuration, loaded: [LoadedSchool]) {
        if loaded.count == 1, loaded[0].id == nil {
            self.init(single: loaded[0].pipeline)
            return
        }
        var shared = configuration
        shared.schools = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let parts = [Self.fingerprint(configuration: shared, roster: Roster())] + loaded.map { ($0.id ?? "") + "=" + $0.pipeline.version }
        for byte in parts.joined(separator: ",").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.init(configuration: configuration, schools: loaded.map { School(id: $0.id, pipeline: $0.pipeline) },
                  version: String(hash, radix: 16))
    }

    /// A short fingerprint of a configuration and roster, recorded with each decision.
    public static func fingerprint(configuration: Configuration, roster: Roster) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = (try? encoder.encode(configuration)) ?? Data()
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let pupils = roster.students
        for position in pupils.indices {
            pupils.withUTF8(.key, at: position) { key in
                for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            guard pupils.hasRecordedConsent(at: position) else { continue }
            let consent = pupils.imageConsent(at: position)
            // A consent changed in the MIS changes §5 decisions, so it changes the version
            // (no strings built: this runs for every pupil at every start and reload).
            for purpose in ConsentPurpose.allCases {
                guard let granted = consent.recorded[purpose] else { continue }
                for byte in purpose.rawValue.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash = (hash ^ (granted ? 0x31 : 0x30)) &* 0x100_0000_01b3
            }
        }
        hash ^= UInt64(roster.students.count) &* 31 &+ UInt64(roster.contacts.count)
        return String(hash, radix: 16)
    }
}

/// Slots written once each from `concurrentPerform`'s threads, read after it returns.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// Every slot, in order (each is written once before this is read).
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}

extension ScanPipeline {
    /// This pipeline with its detection reading a trust's shared first-word filter (see
    /// `SharedFirstWords`): the same findings and decisions.
    func sharing(_ firstWords: SharedFirstWords, _ knownAddresses: KnownAddressFilter) -> ScanPipeline {
        ScanPipeline(parts: Parts(configuration: configuration, roster: roster, version: version, extractor: extractor,
                                  detection: detection.sharing(firstWords), policy: policy.sharing(knownAddresses)))
    }
}
