import Foundation

extension PostfixInstance {
    /// etc/ (main.cf, master.cf; root-owned), queue/ (root-owned, subdirectories made by
    /// `postfix check`), data/ (owned by postfix), all traversable by the postfix user.
    func layOut(milterPort: Int, sinkPort: Int, defaultAction: String, extraMainCF: String = "", smtpdOptions: [String] = []) throws {
        let manager = FileManager.default
        for directory in ["", "etc", "queue", "data"] {
            let path = self.root.appendingPathComponent(directory).path
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        try manager.setAttributes([.ownerAccountName: "postfix"], ofItemAtPath: self.root.appendingPathComponent("data").path)
        // Each parameter once (see PostfixMainCF: a repeated one can stop the instance).
        try PostfixMainCF.merged(self.mainCF(milterPort: milterPort, sinkPort: sinkPort, defaultAction: defaultAction), extraMainCF)
            .write(toFile: "\(self.configDirectory)/main.cf", atomically: true, encoding: .utf8)
        try self.masterCF(smtpdOptions: smtpdOptions).write(toFile: "\(self.configDirectory)/master.cf", atomically: true, encoding: .utf8)
        // As deploy/postfix: the milter-free listener's cleanup logs each release header.
        try String(contentsOf: Self.deployFile("chaperone-release.regexp"), encoding: .utf8)
            .write(toFile: "\(self.configDirectory)/chaperone-release.regexp", atomically: true, encoding: .utf8)
        let check = try Self.run(Self.postfix, ["-c", self.configDirectory, "check"])
        guard !check.contains("overriding earlier entry") else {
            throw PostfixHarnessError.commandFailed("postfix -c \(self.configDirectory) check (a parameter is set twice)", check)
        }
    }

    private func mainCF(milterPort: Int, sinkPort: Int, defaultAction: String) -> String {
        """
        compatibility_level = 3.6
        queue_directory = \(self.root.path)/queue
        data_directory = \(self.root.path)/data
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = chaperone-test.localdomain
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        mydestination =
        mynetworks = 127.0.0.0/8
        smtpd_relay_restrictions = permit_mynetworks, reject
        relayhost = [127.0.0.1]:\(sinkPort)
        smtp_tls_security_level = none
        smtpd_tls_security_level = none
        alias_maps =
        alias_database =
        biff = no
        message_size_limit = 40000000
        maillog_file = \(self.logFile)
        maillog_file_prefixes = \(self.root.path)
        smtpd_milters = inet:127.0.0.1:\(milterPort)
        non_smtpd_milters =
        milter_protocol = 6
        milter_default_action = \(defaultAction)
        milter_connect_timeout = 5s
        milter_command_timeout = 10s
        milter_content_timeout = 60s

        """
    }

    static func deployFile(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("deploy/postfix/\(name)")
    }

    private func masterCF(smtpdOptions: [String]) -> String {
        let options = smtpdOptions.map { " -o " + $0 }.joined()
        let services = [
            "127.0.0.1:\(self.smtpPort) inet n - n - - smtpd" + options,
            "127.0.0.1:\(self.reinjectPort) inet n - n - - smtpd -o smtpd_milters= -o cleanup_service_name=chaperone-cleanup",
            "chaperone-cleanup unix n - n - 0 cleanup -o header_checks=regexp:\(self.configDirectory)/chaperone-release.regexp",
            "pickup unix n - n 60 1 pickup",
            "cleanup unix n - n - 0 cleanup",
            "qmgr unix n - n 300 1 qmgr",
            "rewrite unix - - n - - trivial-rewrite",
            "bounce unix - - n - 0 bounce",
            "defer unix - - n - 0 bounce",
            "trace unix - - n - 0 bounce",
            "verify unix - - n - 1 verify",
            "flush unix n - n 1000? 0 flush",
            "proxymap unix - - n - - proxymap",
            "smtp unix - - n - - smtp",
            "relay unix - - n - - smtp",
            "showq unix n - n - - showq",
            "error unix - - n - - error",
            "retry unix - - n - - error",
            "discard unix - - n - - discard",
            "anvil unix - - n - 1 anvil",
            "scache unix - - n - 1 scache",
            "postlog unix-dgram n - n - 1 postlogd",
            "tlsmgr unix - - n 1000? 1 tlsmgr",
        ]
        return services.joined(separator: "\n") + "\n"
    }
}
