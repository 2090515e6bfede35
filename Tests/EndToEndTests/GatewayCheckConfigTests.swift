import Foundation
import Testing

/// `chaperone check-config` on a gateway-mode file: the tag forms that would break the
/// tenant's DKIM signature are named, and a rewrite of To/Cc is refused with its line.
@Suite struct GatewayCheckConfigTests {
    static func write(_ yaml: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-gwcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("chaperone.yaml")
        let samples = ProductionPath.repository.appendingPathComponent("samples").path
        try (yaml + """

            roster:
              files: [\(samples)/roster/pupils.csv]
            milter:
              spool_directory: \(directory.path)/spool
            store:
              database: \(directory.path)/c.sqlite
            """).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func warnsOnASubjectPrefixAndANonXHeader() throws {
        let file = try Self.write("""
            mode: gateway
            school: {domains: [ralphthoresby.example]}
            tagging:
              subject_prefix: "[OFFICIAL-SENSITIVE]"
              header: Keywords
            gateway: {notice_mailbox: itsupport@ralphthoresby.example}
            """)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let check = try ChaperoneCommand.run(["check-config", file.path])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("mode: gateway"), "\(check.output)")
        #expect(check.output.contains("exposed recipients → hold"), "\(check.output)")
        #expect(check.output.contains("warning: tagging.subject_prefix \"[OFFICIAL-SENSITIVE]\" is not applied in gateway mode"), "\(check.output)")
        #expect(check.output.contains("warning: the header Keywords is not an X- header"), "\(check.output)")
        #expect(check.output.contains("notices: to itsupport@ralphthoresby.example (gateway.notice_mailbox)"), "\(check.output)")
    }

    @Test func refusesARewriteOfToAndCc() throws {
        let file = try Self.write("""
            mode: gateway
            school: {domains: [ralphthoresby.example]}
            exposed_recipients:
              action: rewrite
            """)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let check = try ChaperoneCommand.run(["check-config", file.path])
        #expect(check.status == 2, "a configuration error is an input error (exit 2)")
        #expect(check.errors.contains("chaperone.yaml:4:"), "\(check.errors)")
        #expect(check.errors.contains("(exposed_recipients.action)"), "\(check.errors)")
    }

    @Test func theSampleConfigurationIsAMailServerOne() throws {
        let check = try ChaperoneCommand.run(["check-config", ProductionPath.repository.appendingPathComponent("samples/chaperone.yaml").path])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("mode: mail_server"), "\(check.output)")
    }
}
