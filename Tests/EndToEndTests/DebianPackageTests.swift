import Foundation
import Testing

/// The .deb (deploy/debian/build-deb.sh) installed on this machine with dpkg, the way a
/// technician would, checked, removed and purged. Without systemd as PID 1 (as here and
/// in CI) the maintainer scripts only register the units, so nothing is left running.
/// The users are kept on purge, as Debian keeps system users; the test removes
/// `chaperone-web` afterwards if it created it (`chaperone` is the account the other
/// end-to-end tests create and keep too).
@Suite(
    .serialized,
    .enabled(if: DebianPackage.canInstall, "needs root, dpkg-deb and a built chaperone (CI runs as root)")
)
struct DebianPackageTests {
    static let configuration = "/etc/chaperone/chaperone.yaml"
    static let enabledLink = "/etc/systemd/system/multi-user.target.wants/chaperone-milter.service"

    @Test func installsWithModesUsersManPagesThenPurgesEverything() throws {
        DebianPackage.purgeIfPresent()
        for path in DebianPackage.statePaths {
            let leftover = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            try #require(leftover.isEmpty, "\(path) holds \(leftover) from something else: move it away before this test")
        }
        let webUserExisted = getpwnam("chaperone-web") != nil
        let directory = try CLIRun.temporaryDirectory()
        defer {
            DebianPackage.purgeIfPresent()
            try? FileManager.default.removeItem(atPath: Self.enabledLink)
            if !webUserExisted, getpwnam("chaperone-web") != nil { _ = try? ExternalTool.run("/usr/sbin/userdel", ["chaperone-web"]) }
            try? FileManager.default.removeItem(at: directory)
        }

        let deb = try DebianPackage.build(into: directory)
        let version = try ExternalTool.text("/usr/bin/dpkg-deb", ["--field", deb, "Version"]).trimmingCharacters(in: .newlines)
        let architecture = try ExternalTool.text("/usr/bin/dpkg", ["--print-architecture"]).trimmingCharacters(in: .newlines)
        #expect(deb.hasSuffix("/chaperone_\(version)_\(architecture).deb"))
        try DebianPackage.dpkg(["--install", deb])
        let installedFiles = try ExternalTool.text("/usr/bin/dpkg-query", ["-L", DebianPackage.name])
            .split(separator: "\n").map(String.init)

        try checkInstalledFiles()
        try checkUsers()
        try checkManPages()
        try checkConfigurationAsServiceUser()
        // Enabled as the README says (offline: there is no systemd to start it here); the
        // purge must take the symlink away too.
        try ExternalTool.run("/usr/bin/systemctl", ["enable", "chaperone-milter.service"])
        #expect(FileManager.default.fileExists(atPath: Self.enabledLink))

        // remove: the program goes; the configuration, the store and the spool stay.
        try "marker".write(toFile: "/var/lib/chaperone/kept-by-remove", atomically: true, encoding: .utf8)
        try DebianPackage.dpkg(["--remove", DebianPackage.name])
        #expect(!FileManager.default.fileExists(atPath: "/usr/bin/chaperone"))
        #expect(FileManager.default.fileExists(atPath: Self.configuration))
        #expect(FileManager.default.fileExists(atPath: "/var/lib/chaperone/kept-by-remove"))
        #expect(FileManager.default.fileExists(atPath: "/var/spool/chaperone"))

        // purge: nothing of the package is left but the users.
        try DebianPackage.dpkg(["--purge", DebianPackage.name])
        #expect(!DebianPackage.isKnownToDpkg)
        for path in DebianPackage.statePaths + installedFiles.filter({ $0.contains("chaperone") }) {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) is left after purge")
        }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: Self.enabledLink)) == nil, "the enable symlink is left")
        #expect(getpwnam("chaperone") != nil && getpwnam("chaperone-web") != nil, "system users are kept on purge")
    }

    private func checkInstalledFiles() throws {
        let expected: [(path: String, mode: Int, owner: String, group: String)] = [
            ("/usr/bin/chaperone", 0o755, "root", "root"),
            ("/etc/chaperone", 0o750, "root", "chaperone"),
            ("/etc/chaperone/roster", 0o750, "root", "chaperone"),
            (Self.configuration, 0o640, "root", "chaperone"),
            ("/var/lib/chaperone", 0o2770, "chaperone", "chaperone"),
            ("/var/spool/chaperone", 0o700, "chaperone", "chaperone"),
            ("/lib/systemd/system/chaperone-milter.service", 0o644, "root", "root"),
            ("/lib/systemd/system/chaperone-web.service", 0o644, "root", "root"),
            ("/lib/systemd/system/chaperone-roster.path", 0o644, "root", "root"),
            ("/lib/systemd/system/chaperone-roster.service", 0o644, "root", "root"),
            ("/usr/lib/sysusers.d/chaperone.conf", 0o644, "root", "root"),
            ("/usr/lib/tmpfiles.d/chaperone.conf", 0o644, "root", "root"),
            ("/usr/share/doc/chaperone/copyright", 0o644, "root", "root"),
        ]
        for file in expected {
            let found = try DebianPackage.attributes(file.path)
            #expect(found.mode == file.mode, "\(file.path) has mode \(String(found.mode, radix: 8))")
            #expect(found.owner == file.owner && found.group == file.group, "\(file.path) is \(found.owner):\(found.group)")
        }
        let conffiles = try ExternalTool.text("/usr/bin/dpkg-query", ["-W", "-f=${Conffiles}", DebianPackage.name])
        #expect(conffiles.contains(Self.configuration))
        let unit = try String(contentsOfFile: "/lib/systemd/system/chaperone-milter.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/chaperone serve --config /etc/chaperone/chaperone.yaml"))
        #expect(!unit.contains("/usr/local"))
        let config = try String(contentsOfFile: Self.configuration, encoding: .utf8)
        #expect(config.contains("database: /var/lib/chaperone/chaperone.sqlite"))
        #expect(config.contains("spool_directory: /var/spool/chaperone"))
        #expect(!config.contains("/tmp/"))
        let version = try ExternalTool.text("/usr/bin/chaperone", ["--version"])
        #expect(try ExternalTool.text("/usr/bin/dpkg-query", ["-W", "-f=${Version}", DebianPackage.name]) + "\n" == version)
        // Nothing was started: there is no systemd here, and postinst must not run serve itself.
        #expect(try ExternalTool.text("/usr/bin/pgrep", ["-x", "-f", "/usr/bin/chaperone serve.*"], acceptedStatuses: [0, 1]).isEmpty)
    }

    private func checkUsers() throws {
        let service = try #require(getpwnam("chaperone"))
        #expect(String(cString: service.pointee.pw_shell) == "/usr/sbin/nologin")
        #expect(getpwnam("chaperone-web") != nil)
        #expect(DebianPackage.members(ofGroup: "chaperone").contains("chaperone-web"))
    }

    /// `man chaperone` and a page for every subcommand, as the committed pages name them.
    private func checkManPages() throws {
        let page = try ExternalTool.text("/usr/bin/man", ["-P", "cat", "chaperone"])
        #expect(page.contains("chaperone"))
        #expect(page.contains("check-config"))
        let committed = try FileManager.default.contentsOfDirectory(
            atPath: ProductionPath.repository.appendingPathComponent("deploy/debian/man").path)
            .filter { $0.hasSuffix(".1") }
        #expect(committed.contains("chaperone.quarantine.release.1"))
        for name in committed {
            #expect(FileManager.default.fileExists(atPath: "/usr/share/man/man1/\(name).gz"), "\(name) is not installed")
        }
        let release = try ExternalTool.text("/usr/bin/man", ["-P", "cat", "chaperone.quarantine.release"])
        #expect(release.contains("--reason"))
    }

    /// The packaged configuration with the example roster (invented pupils) copied in as
    /// a technician copies the MIS export: passes as the service user; a roster file the
    /// service user cannot read fails, as it would at start.
    private func checkConfigurationAsServiceUser() throws {
        let examples = "/usr/share/doc/chaperone/examples/roster"
        for name in ["pupils.csv", "staff.csv"] {
            try ExternalTool.run("/usr/bin/install", ["-m", "0640", "-o", "root", "-g", "chaperone",
                                                      "\(examples)/\(name)", "/etc/chaperone/roster/\(name)"])
        }
        let asService = ["-u", "chaperone", "--", "/usr/bin/chaperone", "check-config", Self.configuration]
        try ExternalTool.run("/usr/sbin/runuser", asService)
        try ExternalTool.run("/bin/chmod", ["0600", "/etc/chaperone/roster/pupils.csv"])
        try ExternalTool.run("/usr/sbin/runuser", asService, acceptedStatuses: [2])
    }
}
