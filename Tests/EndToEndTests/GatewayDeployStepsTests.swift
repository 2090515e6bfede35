import Foundation
import Testing

/// deploy/gateway/README.md's "Install the gateway" step 3, run as written against
/// Debian's Postfix configuration (the main.cf settings Debian's postfix package writes
/// on install, and its master.cf.dist): the documented command applies deploy/gateway/
/// main.cf with `postconf -e`, master.cf's `smtp inet` line is replaced, and Postfix
/// then reads the result with no warning at all. A parameter set twice (what appending
/// main.cf used to do) is what stopped the gateway test's Postfix at start.
@Suite(.enabled(if: DebianPostfix.isInstalled, "needs Postfix (postconf and /usr/share/postfix/master.cf.dist)"))
struct GatewayDeployStepsTests {
    static let postconf = DebianPostfix.postconf
    static let debianMasterCF = DebianPostfix.masterCF

    /// What Debian's postfix package leaves in main.cf after a "Internet Site" install.
    static let debianMainCF = """
        smtpd_banner = $myhostname ESMTP $mail_name (Debian/GNU)
        biff = no
        append_dot_mydomain = no
        readme_directory = no
        compatibility_level = 3.6
        smtpd_tls_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem
        smtpd_tls_key_file=/etc/ssl/private/ssl-cert-snakeoil.key
        smtpd_tls_security_level=may
        smtp_tls_CApath=/etc/ssl/certs
        smtp_tls_security_level=may
        smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache
        smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination
        myhostname = gateway.myschool.sch.uk
        alias_maps = hash:/etc/aliases
        alias_database = hash:/etc/aliases
        myorigin = /etc/mailname
        mydestination = $myhostname, gateway, localhost.localdomain, localhost
        relayhost =
        mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128
        mailbox_size_limit = 0
        recipient_delimiter = +
        inet_interfaces = all
        inet_protocols = all

        """

    /// The command of step 3, exactly as the README gives it.
    static func documentedCommand() throws -> String {
        let readme = try GatewayPath.deployFile("README.md")
        let lines = readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let line = lines.first(where: { $0.hasPrefix("`awk '") && $0.contains("postconf -e") }),
            let start = line.firstIndex(of: "`"), let end = line.lastIndex(of: "`"), start < end
        else { throw PostfixHarnessError.commandFailed("deploy/gateway/README.md", "step 3 has no `awk … postconf -e` command") }
        return String(line[line.index(after: start)..<end])
    }

    @Test func stepThreeAsWrittenLeavesEachParameterOnceAndPostfixWarnsOfNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-gateway-steps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // deploy/README.md: the milter settings first (appended: Debian sets none of them).
        try (Self.debianMainCF + PostfixInstance.deployFile("main.cf").contents())
            .write(to: directory.appendingPathComponent("main.cf"), atomically: true, encoding: .utf8)
        let master = try String(contentsOfFile: Self.debianMasterCF, encoding: .utf8)
        let gatewayService = try GatewayPath.deployFile("master.cf")
        let replaced = master.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("smtp      inet") ? gatewayService : String(line)
        }.joined(separator: "\n") + (try PostfixInstance.deployFile("master.cf").contents())
        try replaced.write(to: directory.appendingPathComponent("master.cf"), atomically: true, encoding: .utf8)

        _ = try Self.shell(try Self.documentedCommand(), configDirectory: directory)

        let mainCF = try String(contentsOf: directory.appendingPathComponent("main.cf"), encoding: .utf8)
        #expect(PostfixMainCF.repeatedParameters(mainCF).isEmpty, "\(PostfixMainCF.repeatedParameters(mainCF))")
        let check = try Self.shell("\(Self.postconf) -n >/dev/null", configDirectory: directory)
        #expect(check.isEmpty, "postconf warned:\n\(check)")
        let values = try Self.shell("\(Self.postconf) -h mydestination mynetworks relay_clientcerts disable_mime_output_conversion smtpd_milters", configDirectory: directory)
        #expect(values == "\n127.0.0.0/8 [::1]/128\nhash:/etc/postfix/gateway/tenant-certificates\nyes\ninet:127.0.0.1:8891\n", "\(values)")
        // The harness's merge (PostfixMainCF) sets what Postfix's own editing does.
        let merged = PostfixMainCF.merged(Self.debianMainCF + (try PostfixInstance.deployFile("main.cf").contents()), try GatewayPath.deployFile("main.cf"))
        try merged.write(to: directory.appendingPathComponent("main.cf"), atomically: true, encoding: .utf8)
        let fromMerge = try Self.shell("\(Self.postconf) -n", configDirectory: directory)
        try mainCF.write(to: directory.appendingPathComponent("main.cf"), atomically: true, encoding: .utf8)
        let fromPostconf = try Self.shell("\(Self.postconf) -n", configDirectory: directory)
        #expect(Self.collapsingSpaces(fromMerge) == Self.collapsingSpaces(fromPostconf), "merge:\n\(fromMerge)\npostconf -e:\n\(fromPostconf)")
    }

    /// Runs of spaces as one (a continuation line's indent is not part of a value).
    static func collapsingSpaces(_ text: String) -> String {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
    }

    /// Runs `command` with /bin/sh from the repository root, MAIL_CONFIG pointing at
    /// `configDirectory` (as `postconf -c` would); returns what it printed on standard
    /// output and standard error together.
    static func shell(_ command: String, configDirectory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = ProductionPath.repository
        process.environment = ["MAIL_CONFIG": configDirectory.path, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw PostfixHarnessError.commandFailed(command, text) }
        return text
    }
}

/// Debian's Postfix package: postconf, and the master.cf it installs.
enum DebianPostfix {
    static let postconf = "/usr/sbin/postconf"
    static let masterCF = "/usr/share/postfix/master.cf.dist"
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: postconf) && FileManager.default.fileExists(atPath: masterCF)
    }
}

extension URL {
    /// The file's text (a fixture read in a test).
    fileprivate func contents() throws -> String { try String(contentsOf: self, encoding: .utf8) }
}
