import Foundation
import Testing

/// `chaperone scan` expanding recipients as the milter does, through the sample list
/// file and through a Postfix configuration directory (`--postfix-config`; Postfix need
/// not run), and `chaperone roster check` counting contact rights.
@Suite(.enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does"))
struct ScanExpansionCommandTests {
    static func run(_ arguments: [String]) throws -> ScanCommandTests.Run {
        let process = Process()
        process.executableURL = try ServeProcess.executable()
        process.arguments = arguments
        process.currentDirectoryURL = ProductionPath.repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ScanCommandTests.Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test func theSampleListFileExpandsTheGovernorsList() throws {
        let run = try Self.run(["scan", "--config", "samples/chaperone.yaml", "samples/messages/71-sen-list-to-governors-list.eml"])
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.output.contains("pat.oyelaran.gov@gmail.com [personal via governors@ralphthoresby.example]"), "\(run.output)")
    }

    @Test func postfixConfigExpandsThroughThatPostfixsMaps() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-scan-maps-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "yearheads@ralphthoresby.example h.marsh@ralphthoresby.example, old.head@hotmail.com\n"
            .write(toFile: directory + "/virtual", atomically: true, encoding: .utf8)
        try "compatibility_level = 3.6\nmydestination =\nalias_maps =\nvirtual_alias_maps = hash:\(directory)/virtual\n"
            .write(toFile: directory + "/main.cf", atomically: true, encoding: .utf8)
        try PostfixInstance.run("/usr/sbin/postmap", ["-c", directory, "hash:\(directory)/virtual"])
        let sample = "samples/messages/02-internal-sen-list.eml"
        let plain = try Self.run(["scan", "--config", "samples/chaperone.yaml", sample])
        #expect(plain.status == 0)
        let expanded = try Self.run(["scan", "--config", "samples/chaperone.yaml", "--postfix-config", directory, "--explain", sample])
        #expect(expanded.status == 1, "\(expanded.errors)")
        #expect(expanded.output.hasPrefix("QUARANTINE"))
        #expect(expanded.output.contains("old.head@hotmail.com [personal via yearheads@ralphthoresby.example]"))
        #expect(expanded.output.contains("yearheads@ralphthoresby.example (a list that reaches 1 personal email address)"), "\(expanded.output)")
        let broken = try Self.run(["scan", "--config", "samples/chaperone.yaml", "--postfix-config", directory + "/missing", sample])
        #expect(broken.status == 2)
        #expect(broken.errors.contains("recipients not expanded"), "\(broken.errors)")
    }

    @Test func rosterCheckCountsContactRights() throws {
        let run = try Self.run(["roster", "check", "samples/roster/pupils.csv"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("  with parental responsibility: 3"), "\(run.output)")
        #expect(run.output.contains("  without parental responsibility: 1"))
        #expect(run.output.contains("  restricted (court order or no contact): 1"))
    }
}
