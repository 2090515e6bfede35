import Foundation
import Testing

/// `chaperone scan` as a technician runs it: the built executable over samples/.
@Suite struct ScanCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func scan(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try ServeProcess.executable()
        process.arguments = ["scan"] + arguments
        process.currentDirectoryURL = ProductionPath.repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test func jsonLinesCarryEveryFieldAndTheExitStatusSaysABreachWasFound() throws {
        let run = try Self.scan(["--json", "--config", "samples/chaperone.yaml", "samples/messages"])
        #expect(run.status == 1, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        let expected = try String(contentsOf: ProductionPath.repository.appendingPathComponent("samples/messages/expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count == expected.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["file", "message_id", "action", "sections", "findings", "recipients", "explanation"] {
                #expect(object[key] != nil, "missing \(key)")
            }
            for finding in object["findings"] as? [[String: Any]] ?? [] {
                for key in ["detector", "section", "location", "evidence", "confidence"] {
                    #expect(finding.keys.contains(key), "finding missing \(key)")
                }
            }
            for recipient in object["recipients"] as? [[String: Any]] ?? [] {
                #expect(recipient["address"] != nil && recipient["class"] != nil)
            }
        }
    }

    @Test func acceptedMailExitsZeroAndEnvelopeFlagsOverrideTheHeaders() throws {
        let clean = try Self.scan(["--config", "samples/chaperone.yaml", "samples/messages/01-internal-staff-note.eml"])
        #expect(clean.status == 0)
        #expect(clean.output.hasPrefix("ACCEPT"))
        let redirected = try Self.scan([
            "--config", "samples/chaperone.yaml", "--from", "c.bennett@ralphthoresby.example",
            "--rcpt", "someone@gmail.com", "samples/messages/02-internal-sen-list.eml",
        ])
        #expect(redirected.status == 1)
        #expect(redirected.output.contains("someone@gmail.com [personal]"))
    }

    @Test func anUnreadableFileIsReportedWhileTheOthersAreScanned() throws {
        let run = try Self.scan(["--config", "samples/chaperone.yaml", "no-such-file.eml", "samples/messages/01-internal-staff-note.eml"])
        #expect(run.status == 2)
        #expect(run.errors.contains("no-such-file.eml"))
        #expect(run.output.contains("01-internal-staff-note.eml"))
    }

    @Test func parallelScansPrintTheSameVerdictsInTheSameOrder() throws {
        func verdicts(_ jobs: String) throws -> [String] {
            let run = try Self.scan(["--jobs", jobs, "--config", "samples/chaperone.yaml", "samples/messages"])
            #expect(run.status == 1)
            return run.output.split(separator: "\n").map(String.init)
        }
        let serial = try verdicts("1")
        #expect(serial.count > 40)
        #expect(try verdicts("8") == serial)
    }

    @Test func badFlagsExitTwo() throws {
        let unknown = try Self.scan(["--no-such-flag", "samples/messages"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("Unknown option '--no-such-flag'"))
        let invalid = try Self.scan(["--jobs", "0", "samples/messages"])
        #expect(invalid.status == 2)
        #expect(invalid.errors.contains("--jobs must be between 1 and 256"))
    }

    @Test func aBrokenConfigurationIsRefusedWithItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try "school:\n  domains: [a.example]\nthresholds:\n  bulk_pupils: many\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.scan(["--config", file.path, "samples/messages/01-internal-staff-note.eml"])
        #expect(run.status == 2)
        #expect(run.errors.contains("bad.yaml:4:"))
    }

    @Test func anMboxIsScannedMessageByMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-mbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var mbox = ""
        for name in ["01-internal-staff-note.eml", "20-pupil-personal-address.eml"] {
            let text = try String(contentsOf: ProductionPath.repository.appendingPathComponent("samples/messages/\(name)"), encoding: .utf8)
            mbox += "From sender@example.org Tue Nov 24 09:00:00 2026\n" + text.replacingOccurrences(of: "\r\n", with: "\n") + "\n"
        }
        let file = directory.appendingPathComponent("sent.mbox")
        try mbox.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.scan(["--config", "samples/chaperone.yaml", file.path])
        #expect(run.status == 1)
        #expect(run.output.contains("sent.mbox#1"))
        #expect(run.output.contains("QUARANTINE §3  \(file.path)#2"))
    }

    /// Results stream in input order whatever the number of workers: `--jobs 1`, `2` and
    /// `5` print the same lines (the decision id and the scan time aside), text and JSON.
    @Test func everyJobCountPrintsTheSameLinesInInputOrder() throws {
        func normalised(_ output: String) -> String {
            output.replacing(/CH-[0-9]{8}-[A-Z0-9]{8}/, with: "").replacing(/"scan_ms":[0-9.e+-]+/, with: "")
        }
        for format in [["--json"], ["--explain"]] {
            let runs = try [1, 2, 5].map { jobs in
                try Self.scan(format + ["--jobs", "\(jobs)", "--config", "samples/chaperone.yaml", "samples/messages"])
            }
            let lines = runs[0].output.split(separator: "\n")
            #expect(lines.count >= 76)
            for run in runs.dropFirst() {
                #expect(run.status == runs[0].status)
                #expect(normalised(run.output) == normalised(runs[0].output), "\(format)")
            }
        }
        let json = try Self.scan(["--json", "--jobs", "2", "--config", "samples/chaperone.yaml", "samples/messages"])
        let files = json.output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
        }
        #expect(files.count >= 76)
        #expect(files == files.sorted())
    }
}
