import Foundation

/// The Debian package as a technician installs it: built by `deploy/debian/build-deb.sh`
/// from the debug `chaperone` (`--allow-unpackaged-libraries`: a debug build needs the
/// toolchain's Swift runtime; uncompressed, since xz of a debug binary takes minutes),
/// installed and purged with this machine's dpkg.
enum DebianPackage {
    static let name = "chaperone"

    /// Root (dpkg installs into the system), dpkg-deb and a built `chaperone`.
    static var canInstall: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-deb")
            && (try? ServeProcess.executable()) != nil
    }

    /// The paths the package creates that hold state: a purge removes every one.
    static let statePaths = ["/etc/chaperone", "/var/lib/chaperone", "/var/spool/chaperone"]

    /// Builds the .deb into `directory` and returns its path.
    static func build(into directory: URL) throws -> String {
        let script = ProductionPath.repository.appendingPathComponent("deploy/debian/build-deb.sh").path
        let output = try ExternalTool.text(
            "/bin/bash",
            [script, "--binary", try ServeProcess.executable().path, "--out", directory.path, "--compression", "none",
             "--allow-unpackaged-libraries"])
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs dpkg, waiting while another dpkg or apt (an engineer's `apt-get install`)
    /// holds its lock; any other failure throws with dpkg's output.
    @discardableResult
    static func dpkg(_ arguments: [String]) throws -> String {
        for _ in 0..<120 {
            do {
                return try ExternalTool.text("/usr/bin/dpkg", arguments)
            } catch PostfixHarnessError.commandFailed(_, let output) where output.contains("lock") {
                Thread.sleep(forTimeInterval: 1)
            }
        }
        return try ExternalTool.text("/usr/bin/dpkg", arguments)
    }

    /// Whether dpkg knows the package in any state (installed, or removed with its
    /// configuration kept).
    static var isKnownToDpkg: Bool {
        let status = (try? ExternalTool.text(
            "/usr/bin/dpkg-query", ["-W", "-f=${db:Status-Status}", name], acceptedStatuses: [0, 1])) ?? ""
        return !status.isEmpty && status != "not-installed"
    }

    /// Purges the package if dpkg knows it; what a failing test leaves is cleaned up here.
    static func purgeIfPresent() {
        if isKnownToDpkg { _ = try? dpkg(["--purge", name]) }
    }

    /// Mode (permission and set-id bits), owner and group names of a path.
    static func attributes(_ path: String) throws -> (mode: Int, owner: String, group: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw PostfixHarnessError.commandFailed("lstat", "\(path) does not exist") }
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "\(info.st_uid)"
        let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(info.st_gid)"
        return (Int(info.st_mode) & 0o7777, owner, group)
    }

    /// The names of the members of a group (from the group database).
    static func members(ofGroup name: String) -> [String] {
        guard let group = getgrnam(name), var member = group.pointee.gr_mem else { return [] }
        var names: [String] = []
        while let pointer = member.pointee {
            names.append(String(cString: pointer))
            member += 1
        }
        return names
    }
}
