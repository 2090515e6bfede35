import ChaperoneModel
import RosterImport

/// One school's effective configuration and the bytes of its roster and staff files,
/// as the edge read them, with a fingerprint that tells a reload whether anything the
/// school's pipeline is built from has changed.
public struct SchoolRosterFiles: Sendable {
    public var id: String?
    public var configuration: Configuration
    public var rosters: [RosterSource]
    public var staff: RosterSource?
    /// Hash of the files' names and bytes; equal fingerprints and configurations mean the
    /// previous pipeline can be kept. Only compared within one process.
    public let fingerprint: Int

    public init(id: String?, configuration: Configuration, rosters: [RosterSource], staff: RosterSource?) {
        self.id = id
        self.configuration = configuration
        self.rosters = rosters
        self.staff = staff
        var hasher = Hasher()
        for source in rosters + [staff].compactMap({ $0 }) {
            hasher.combine(source.name)
            hasher.combine(source.bytes.count)
            source.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        hasher.combine(configuration)
        fingerprint = hasher.finalize()
    }
}

/// One school, loaded: its pipeline, what its roster import reported, and the
/// fingerprint of the files and settings it was built from.
public struct LoadedSchool: Sendable {
    public let id: String?
    public let fingerprint: Int
    public let configuration: Configuration
    public let pipeline: ScanPipeline
    public let rosterReport: RosterImportResult
    /// True when this load reused the previous pipeline (nothing changed).
    public let reused: Bool
}

/// A school whose roster could not be loaded, named so the technician knows which.
public struct SchoolLoadError: Error, Sendable, CustomStringConvertible {
    public var schoolID: String?
    public var schoolName: String
    public var problems: [RosterProblem]

    public var description: String {
        let lines = problems.prefix(10).map { "  \($0)" }.joined(separator: "\n")
        let which = schoolID.map { "school '\($0)' (\(schoolName)): " } ?? ""
        return "\(which)the roster could not be loaded:\n\(lines)"
    }
}
