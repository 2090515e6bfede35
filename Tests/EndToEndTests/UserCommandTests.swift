import Foundation
import Store
import Testing

/// `chaperone user`, run as a technician would: the password comes from standard input
/// (not a terminal here), never an argument; bad passwords and names are refused with
/// the reason; every change is in the audit trail with the real user.
@Suite struct UserCommandTests {
    @Test func addListDisableAndChangeAPasswordFromStandardInput() throws {
        let directory = NSTemporaryDirectory() + "chaperone-user-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/chaperone.sqlite"
        let added = try ChaperoneCommand.run(
            ["user", "add", "it.tech", "--role", "reviewer", "--database", database, "--create"], input: "a long enough passphrase\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("Added it.tech as reviewer"))
        let short = try ChaperoneCommand.run(["user", "add", "dsl", "--role", "auditor", "--database", database], input: "short\n")
        #expect(short.status != 0)
        #expect(short.errors.contains("at least 12 characters"))
        let badName = try ChaperoneCommand.run(["user", "add", "a b", "--role", "admin", "--database", database], input: "whatever whatever\n")
        #expect(badName.status == 2)
        let disabled = try ChaperoneCommand.run(["user", "disable", "it.tech", "--database", database])
        #expect(disabled.status == 0, "\(disabled.errors)")
        let passwd = try ChaperoneCommand.run(["user", "passwd", "it.tech", "--database", database], input: "another long passphrase\n")
        #expect(passwd.status == 0, "\(passwd.errors)")
        let list = try ChaperoneCommand.run(["user", "list", "--database", database])
        #expect(list.output.contains("it.tech\treviewer\tdisabled"))
        #expect(!list.output.contains("passphrase"))
        let unknown = try ChaperoneCommand.run(["user", "passwd", "nobody", "--database", database], input: "another long passphrase\n")
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("no web account named nobody"))
    }

    @Test func anAccountIsLimitedToSchoolsOfTheConfigurationOnly() throws {
        let directory = NSTemporaryDirectory() + "chaperone-user-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/chaperone.sqlite"
        let samples = ProductionPath.repository.appendingPathComponent("samples")
        let trust = samples.appendingPathComponent("trust.yaml").path
        let store = ["--config", trust, "--database", database]
        let added = try ChaperoneCommand.run(
            ["user", "add", "ash.it", "--role", "reviewer", "--school", "ash-grove", "--create"] + store, input: "a long enough passphrase\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("Added ash.it as reviewer for ash-grove"), "\(added.output)")
        let typo = try ChaperoneCommand.run(
            ["user", "add", "beech.it", "--role", "reviewer", "--school", "ash-grvoe"] + store, input: "a long enough passphrase\n")
        #expect(typo.status != 0)
        #expect(typo.errors.contains("'ash-grvoe' is not a school in") && typo.errors.contains("ash-grove"), "\(typo.errors)")
        let single = try ChaperoneCommand.run(
            ["user", "add", "one.it", "--role", "reviewer", "--school", "ash-grove", "--config",
             samples.appendingPathComponent("chaperone.yaml").path, "--database", database],
            input: "a long enough passphrase\n")
        #expect(single.status != 0)
        #expect(single.errors.contains("needs a configuration with a schools: list"), "\(single.errors)")
        var list = try ChaperoneCommand.run(["user", "list"] + store)
        #expect(list.output.contains("ash.it\treviewer\tactive\tnever signed in\tash-grove"), "\(list.output)")
        #expect(!list.output.contains("beech.it") && !list.output.contains("one.it"))
        let widened = try ChaperoneCommand.run(["user", "schools", "ash.it"] + store)
        #expect(widened.status == 0 && widened.output.contains("every school"), "\(widened.errors)")
        list = try ChaperoneCommand.run(["user", "list"] + store)
        #expect(list.output.contains("ash.it\treviewer\tactive\tnever signed in\tall schools"), "\(list.output)")
    }
}
