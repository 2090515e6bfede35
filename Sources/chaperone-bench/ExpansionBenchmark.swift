import ArgumentParser
import ChaperoneModel
import Foundation
import RecipientExpansion

/// `chaperone-bench expansion`: the cost recipient expansion adds per message, with the
/// lookup cache cold (every lookup runs `postmap`/`postalias`/`postconf`) and warm. By
/// default it writes a private Postfix configuration directory (no Postfix needs to run)
/// with a hash and a texthash `virtual_alias_maps`: 40 lists of 25 members, each also
/// reaching a nested list of 5; each message is sent to two lists and one plain address.
/// `--postfix-config DIR --rcpt ADDRESS…` measures a real host's maps instead.
struct ExpansionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expansion",
        abstract: "Time recipient expansion through Postfix's maps, cache cold and warm."
    )

    @Option(name: .customLong("postfix-config"), help: "Query this Postfix configuration directory instead of the generated one.")
    var postfixConfig: String?

    @Option(help: "Envelope recipient; repeatable (with --postfix-config).")
    var rcpt: [String] = []

    @Option(help: "School domain (with --postfix-config).")
    var domain = "school.example"

    @Option(help: "Messages expanded in each phase.")
    var messages = 50

    func validate() throws {
        guard messages >= 1 else { throw ValidationError("--messages must be at least 1.") }
        if postfixConfig != nil, rcpt.isEmpty { throw ValidationError("give --rcpt ADDRESS with --postfix-config") }
    }

    func run() throws {
        let generated = postfixConfig == nil ? try Self.writeConfiguration() : nil
        defer { if let generated { try? FileManager.default.removeItem(atPath: generated) } }
        let directory = postfixConfig ?? generated ?? ""
        var settings = Configuration.Expansion()
        settings.postfixConfigDirectory = directory
        let lookup = PostfixAliasLookup(postfix: PostfixPrograms(configDirectory: directory, timeoutSeconds: 10), settingsSeconds: 60)
        let expander = RecipientExpander(lookup: lookup, settings: settings, schoolDomains: [domain])
        let clock = ContinuousClock()
        var reached = 0
        func expandOne(_ index: Int) throws -> Duration {
            let recipients = rcpt.isEmpty
                ? ["list\(index % 40)@school.example", "list\((index + 7) % 40)@school.example", "head@school.example"] : rcpt
            let start = clock.now
            let envelope = try expander.expand(Envelope(sender: "teacher@school.example", recipients: recipients))
            reached = envelope.expansion?.recipients.count ?? 0
            return clock.now - start
        }
        var cold: [Duration] = []
        for index in 0..<messages {
            expander.cache.removeAll()
            cold.append(try expandOne(index))
        }
        for index in 0..<messages { _ = try expandOne(index) }   // fill the cache with every list
        var warm: [Duration] = []
        for index in 0..<messages { warm.append(try expandOne(index)) }
        print("maps: \(directory)\(generated == nil ? "" : " (generated: hash + texthash, 40 lists × 25 members + nested 5)")")
        print("recipients reached per message: \(reached)")
        print("first message (postconf, then postmap per level): \(Self.summary([cold[0]]))")
        print("cold lookup cache (postmap per level; postconf answer reused): \(Self.summary(cold))")
        print("warm cache: \(Self.summary(warm))")
        print("cache: \(expander.cache.statistics.hits) hits, \(expander.cache.statistics.misses) misses")
    }

    static func summary(_ samples: [Duration]) -> String {
        let sorted = samples.sorted()
        func ms(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        return "median \(ms(sorted[sorted.count / 2])) ms, p95 \(ms(sorted[min(sorted.count - 1, sorted.count * 95 / 100)])) ms, max \(ms(sorted.last ?? .zero)) ms per message"
    }

    /// A private Postfix configuration directory with the generated maps, compiled.
    static func writeConfiguration() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-bench-maps-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var hash = "", text = ""
        for list in 0..<40 {
            let members = (0..<25).map { "member\(list)-\($0)@\($0 % 5 == 0 ? "gmail.com" : "school.example")" }
            hash += "list\(list)@school.example \(members.joined(separator: ", ")), nested\(list)@school.example\n"
            text += "nested\(list)@school.example " + (0..<5).map { "n\(list)-\($0)@school.example" }.joined(separator: ", ") + "\n"
        }
        try hash.write(toFile: path + "/virtual", atomically: true, encoding: .utf8)
        try text.write(toFile: path + "/virtual-lists", atomically: true, encoding: .utf8)
        try """
            compatibility_level = 3.6
            mydestination =
            virtual_alias_maps = hash:\(path)/virtual, texthash:\(path)/virtual-lists
            alias_maps =

            """.write(toFile: path + "/main.cf", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/postmap")
        process.arguments = ["-c", path, "hash:\(path)/virtual"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("postmap could not compile \(path)/virtual") }
        return path
    }
}
