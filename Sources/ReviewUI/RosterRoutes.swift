import Foundation
import Hummingbird
import NIOPosix
import RosterImport

/// Roster status: the configured files (changed when, size), and the result of loading
/// them exactly as the milter does — pupils, contacts, staff, and every problem. The
/// import runs on the thread pool, not an event loop.
enum RosterRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/roster", .signedIn(.read)) { _, context, app in
                let roster = app.configuration.roster
                let files = roster.files.map(RosterFileStatus.init(path:))
                let staff = roster.staffFile.map(RosterFileStatus.init(path:))
                let readable = files.allSatisfy { $0.problem == nil } && (staff?.problem == nil)
                var values: [String: Any] = [
                    "files": (files + [staff].compactMap { $0 }).map(\.values), "hasFiles": !roster.files.isEmpty,
                    "loadedAt": ViewFormatting.time(app.now()),
                ]
                var problems = (files + [staff].compactMap { $0 }).compactMap(\.problem)
                if readable, !files.isEmpty {
                    let result = try await NIOThreadPool.singleton.runIfActive {
                        RosterImporter.importFiles(files.compactMap(\.source), staff: staff?.source)
                    }
                    values["loaded"] = true
                    values["pupils"] = result.roster.students.count
                    values["contacts"] = result.roster.contacts.count
                    values["staff"] = result.roster.staff.count
                    values["fatal"] = result.isFatal
                    problems += result.problems.prefix(200).map(\.description)
                    if result.problems.count > 200 { problems.append("… and \(result.problems.count - 200) more (run `chaperone roster check`)") }
                }
                values["problems"] = problems.map { ["text": $0] }
                values["hasProblems"] = !problems.isEmpty
                return app.renderer.page("roster", title: "Roster", values: values, session: context.session)
            }
        ]
    }
}

/// One roster file as the web process can see it.
struct RosterFileStatus: Sendable {
    var path: String
    var modified: Date?
    var bytes: Int?
    var source: RosterSource?
    var problem: String?

    /// Roster files larger than this are not read by the page (the milter's own limit
    /// applies when it loads them).
    static let maxBytes = 100_000_000

    init(path: String) {
        self.path = path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = (attributes[.size] as? NSNumber).flatMap({ $0.intValue <= Self.maxBytes ? $0 : nil })
                .flatMap({ _ in FileManager.default.contents(atPath: path) }) else {
            problem = "\(path) cannot be read by the web app (missing, unreadable by its user, or over \(Self.maxBytes) bytes): check it exists and its group is chaperone"
            return
        }
        modified = attributes[.modificationDate] as? Date
        bytes = data.count
        source = RosterSource(name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
    }

    var values: [String: Any] {
        ["path": path, "modified": modified.map(ViewFormatting.time) ?? "—", "bytes": bytes.map(String.init) ?? "—"]
    }
}
