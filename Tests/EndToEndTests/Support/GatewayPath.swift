import Foundation

/// The cloud-tenant deployment on loopback: a "tenant" Postfix (standing in for
/// Exchange Online's outbound connector) that presents a TLS client certificate and
/// relays everything to the gateway Postfix, configured from deploy/gateway/main.cf and
/// master.cf (paths pointed at this test's files), with `chaperone serve` in
/// `mode: gateway` as its milter, delivering to the SMTP sink. Torn down after `body`.
struct GatewayPath: Sendable {
    let work: URL
    let certificates: GatewayCertificates
    let dkim: TenantDKIM
    let sink: SMTPSink
    let gateway: PostfixInstance
    let tenant: PostfixInstance
    var database: URL { work.appendingPathComponent("chaperone.sqlite") }
    static let noticeMailbox = "itsupport@ralphthoresby.example"

    static var isRunnable: Bool {
        PostfixInstance.isInstalled && TenantDKIM.isInstalled && FileManager.default.isExecutableFile(atPath: GatewayCertificates.openssl)
    }

    static func with(_ body: (GatewayPath) async throws -> Void) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-gateway-\(UUID().uuidString)")
        let maps = work.appendingPathComponent("gateway")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let certificates = try GatewayCertificates.make(in: maps)
        let dkim = try TenantDKIM.make(in: work, domain: "ralphthoresby.example")
        try Self.writeMaps(in: maps, tenantFingerprint: try GatewayCertificates.publicKeyFingerprint(certificate: certificates.tenantCertificate))
        let sink = try await SMTPSink.start()
        var started: [PostfixInstance] = []
        var serve: ServeProcess?
        var failure: (any Error)?
        do {
            let milterPort = try FreePort.next()
            let gateway = try PostfixInstance(
                milterPort: milterPort, sinkPort: sink.port, defaultAction: "tempfail",
                extraMainCF: try Self.gatewayMainCF(maps: maps, certificates: certificates), smtpdOptions: try Self.gatewayListenerOptions())
            started.append(gateway)
            let config = work.appendingPathComponent("chaperone.yaml")
            try Self.chaperoneConfiguration(work: work, milterPort: milterPort, gateway: gateway)
                .write(to: config, atomically: true, encoding: .utf8)
            serve = try ServeProcess(config: config, logFile: work.appendingPathComponent("serve.log"), port: milterPort)
            let tenant = try PostfixInstance(
                milterPort: milterPort, sinkPort: gateway.smtpPort, defaultAction: "tempfail",
                extraMainCF: Self.tenantMainCF(certificates: certificates, gatewayPort: gateway.smtpPort))
            started.append(tenant)
            try await body(GatewayPath(work: work, certificates: certificates, dkim: dkim, sink: sink, gateway: gateway, tenant: tenant))
        } catch {
            failure = error
        }
        for postfix in started.reversed() { postfix.stop() }
        serve?.stop()
        await sink.stop()
        if let failure { throw failure }
    }

    /// Signs `message` as the tenant, then submits it to the tenant's Postfix.
    func sendSignedThroughTenant(_ message: [UInt8], from: String, to recipients: [String]) async throws -> SMTPSubmission.Reply {
        try await SMTPSubmission.send(port: tenant.smtpPort, from: from, to: recipients, message: try dkim.sign(message))
    }

    /// Waits (bounded) until `probe` returns a value.
    func poll<T>(timeout: Duration = .seconds(60), _ probe: () async throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await probe()
    }

    /// Both Postfix logs and Chaperone's, for failure messages.
    var logs: String {
        let serve = (try? String(contentsOf: work.appendingPathComponent("serve.log"), encoding: .utf8)) ?? ""
        return "--- tenant\n\(tenant.log)\n--- gateway\n\(gateway.log)\n--- chaperone serve\n\(serve)"
    }

    static func deployFile(_ name: String) throws -> String {
        try String(contentsOf: ProductionPath.repository.appendingPathComponent("deploy/gateway/\(name)"), encoding: .utf8)
    }

    /// deploy/gateway/main.cf with its paths pointed here, then what only a loopback test
    /// needs: IPv4 loopback only (the harness listens on 127.0.0.1).
    static func gatewayMainCF(maps: URL, certificates: GatewayCertificates) throws -> String {
        let text = try deployFile("main.cf")
            .replacingOccurrences(of: "/etc/postfix/gateway/", with: maps.path + "/")
            .replacingOccurrences(of: "/etc/ssl/certs/ca-certificates.crt", with: certificates.caFile)
        return "\n" + text + "\nmynetworks = 127.0.0.0/8\n"
    }

    /// The `-o` options of deploy/gateway/master.cf's smtp service, as written there.
    static func gatewayListenerOptions() throws -> [String] {
        try deployFile("master.cf").split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard line.first == " ", trimmed.hasPrefix("-o ") else { return nil }
            return String(trimmed.dropFirst(3))
        }
    }

    /// The tenant: no milter, everything to the gateway, TLS required, with its client
    /// certificate (as an Exchange Online outbound connector with TLS).
    static func tenantMainCF(certificates: GatewayCertificates, gatewayPort: Int) -> String {
        """

        smtpd_milters =
        relayhost = [127.0.0.1]:\(gatewayPort)
        smtp_tls_security_level = encrypt
        smtp_tls_chain_files = \(certificates.tenantKey), \(certificates.tenantCertificate)
        smtp_tls_CAfile = \(certificates.caFile)
        smtp_tls_loglevel = 1

        """
    }

    /// The lookup tables deploy/gateway/ describes, with this test's values.
    static func writeMaps(in maps: URL, tenantFingerprint: String) throws {
        let files = [
            "tenant-certificates": "\(tenantFingerprint) tenant-connector\n",
            "school-sender-domains": "ralphthoresby.example OK\n<> OK\n",
            "tls-policy": try deployFile("tls-policy"),
            "tenant-networks.cidr": "127.0.0.1/32 OK\n",
            // Google's networks: none here, so only the certificate can relay.
            "google-outbound.cidr": try deployFile("google-outbound.cidr"),
        ]
        for (name, text) in files {
            let path = maps.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            if !name.hasSuffix(".cidr") { try ExternalTool.run("/usr/sbin/postmap", ["hash:" + path]) }
        }
    }

    /// Chaperone in gateway mode, with a subject prefix that must not be applied and
    /// notices sent to the IT mailbox through the gateway's milter-free listener.
    static func chaperoneConfiguration(work: URL, milterPort: Int, gateway: PostfixInstance) -> String {
        let samples = ProductionPath.repository.appendingPathComponent("samples")
        return """
            mode: gateway
            gateway:
              notice_mailbox: \(noticeMailbox)
            school:
              name: Gateway Test School
              domains: [ralphthoresby.example, pupils.ralphthoresby.example]
              partner_domains: [leeds.gov.uk, nhs.net]
            roster:
              files: [\(samples.path)/roster/pupils.csv, \(samples.path)/roster/pupils-ctf.xml]
              staff_file: \(samples.path)/roster/staff.csv
            tagging:
              subject_prefix: "[OFFICIAL-SENSITIVE]"
            milter:
              listen: inet:127.0.0.1:\(milterPort)
              spool_directory: \(work.path)/spool
            store:
              database: \(work.path)/chaperone.sqlite
            release:
              reinject_listener: 127.0.0.1:\(gateway.reinjectPort)
            notifications:
              from_address: chaperone@ralphthoresby.example
              submit_listener: 127.0.0.1:\(gateway.reinjectPort)
            """
    }
}
