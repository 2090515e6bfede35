import ChaperoneModel
import Foundation
import RecipientExpansion
import Testing

/// Expansion through Postfix's own `postmap`, `postalias` and `postconf` against a
/// private configuration directory (no Postfix needs to run): hash and texthash
/// virtual maps, local aliases, catch-alls, address extensions, `:include:`, and
/// failures (a missing map, a lookup program that hangs).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/postmap"), "Postfix is not installed; `apt-get install postfix`, as .ci/run does"))
struct PostfixAliasLookupTests {
    /// A temporary Postfix config directory with the given maps written and compiled.
    final class PostfixDirectory {
        let path: String

        init(virtual: String, virtualText: String = "", aliases: String = "", extraMain: String = "") throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-maps-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try virtual.write(toFile: path + "/virtual", atomically: true, encoding: .utf8)
            try virtualText.write(toFile: path + "/virtual-text", atomically: true, encoding: .utf8)
            try aliases.write(toFile: path + "/aliases", atomically: true, encoding: .utf8)
            try """
                compatibility_level = 3.6
                myhostname = mail.school.example
                mydomain = school.example
                myorigin = $mydomain
                mydestination = $myhostname, localhost
                recipient_delimiter = +
                virtual_alias_maps = hash:\(path)/virtual, texthash:\(path)/virtual-text
                alias_maps = hash:\(path)/aliases
                alias_database = hash:\(path)/aliases
                \(extraMain)

                """.write(toFile: path + "/main.cf", atomically: true, encoding: .utf8)
            try Self.run("/usr/sbin/postmap", ["-c", path, "hash:\(path)/virtual"])
            try Self.run("/usr/sbin/postalias", ["-c", path, "hash:\(path)/aliases"])
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func expander(programs: String = "/usr/sbin", timeout: Double = 5) -> RecipientExpander {
            let lookup = PostfixAliasLookup(
                postfix: PostfixPrograms(configDirectory: path, timeoutSeconds: timeout, programDirectory: programs), settingsSeconds: 60)
            return RecipientExpander(lookup: lookup, settings: Configuration.Expansion(), schoolDomains: ["school.example"])
        }

        static func run(_ executable: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        }
    }

    func expand(_ directory: PostfixDirectory, _ recipients: [String]) throws -> [ExpandedRecipient] {
        try #require(try directory.expander().expand(Envelope(sender: "", recipients: recipients)).expansion).recipients
    }

    @Test func hashAndTexthashMapsExpandRecursively() throws {
        let directory = try PostfixDirectory(
            virtual: "governors@school.example chair@school.example, parent-govs@school.example\n",
            virtualText: "parent-govs@school.example j.doe@gmail.com\n")
        #expect(try expand(directory, ["governors@school.example"]) == [
            ExpandedRecipient(address: "chair@school.example", list: "governors@school.example"),
            ExpandedRecipient(address: "j.doe@gmail.com", list: "governors@school.example"),
        ])
    }

    @Test func extensionsCatchAllsBareNamesAndLocalAliasesFollowPostfix() throws {
        let include = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-include-\(UUID().uuidString)").path
        try "# staff list\nold.head@hotmail.com\n".write(toFile: include, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: include) }
        let directory = try PostfixDirectory(
            virtual: "office@school.example secretary\n@lettings.school.example bookings@gmail.com\n",
            aliases: "secretary: s.jones@outlook.com, |/usr/bin/true\nheads: :include:\(include)\n",
            extraMain: "mydestination = school.example, localhost")
        #expect(try expand(directory, ["office+trips@school.example"]).map(\.address) == ["s.jones@outlook.com"])
        #expect(try expand(directory, ["anyone@lettings.school.example"]).map(\.address) == ["bookings@gmail.com"])
        #expect(try expand(directory, ["heads@school.example"]).map(\.address) == ["old.head@hotmail.com"])
        #expect(try expand(directory, ["nobody@school.example"]) == [ExpandedRecipient(address: "nobody@school.example")])
    }

    @Test func aMissingMapIsALookupFailure() throws {
        let directory = try PostfixDirectory(virtual: "", extraMain: "virtual_alias_maps = hash:/nonexistent/virtual")
        #expect {
            try directory.expander().expand(Envelope(sender: "", recipients: ["a@school.example"]))
        } throws: { error in
            guard case .lookupFailed(let map, _) = error as? ExpansionError else { return false }
            return map == "hash:/nonexistent/virtual"
        }
    }

    @Test func aMapThatFailsBeforeReadingABigBatchIsAFailureNotACrash() throws {
        let directory = try PostfixDirectory(virtual: "", extraMain: "virtual_alias_maps = hash:/nonexistent/virtual")
        let recipients = (0..<1500).map { "staff-member-number-\($0)@school.example" }
        var settings = Configuration.Expansion()
        settings.maxAddresses = 10_000
        let lookup = PostfixAliasLookup(postfix: PostfixPrograms(configDirectory: directory.path, timeoutSeconds: 30), settingsSeconds: 60)
        let expander = RecipientExpander(lookup: lookup, settings: settings, schoolDomains: ["school.example"])
        #expect(throws: ExpansionError.self) {
            try expander.expand(Envelope(sender: "", recipients: recipients))
        }
    }

    @Test func aHangingLookupProgramTimesOut() throws {
        let directory = try PostfixDirectory(virtual: "")
        let programs = directory.path + "/bin"
        try FileManager.default.createDirectory(atPath: programs, withIntermediateDirectories: true)
        try "#!/bin/sh\nexec /usr/sbin/postconf \"$@\"\n".write(toFile: programs + "/postconf", atomically: true, encoding: .utf8)
        try "#!/bin/sh\nexec sleep 120\n".write(toFile: programs + "/postmap", atomically: true, encoding: .utf8)
        for program in ["postconf", "postmap"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: programs + "/" + program)
        }
        #expect(throws: ExpansionError.lookupTimedOut(map: "hash:\(directory.path)/virtual", seconds: 10)) {
            try directory.expander(programs: programs, timeout: 10).expand(Envelope(sender: "", recipients: ["a@school.example"]))
        }
    }
}
