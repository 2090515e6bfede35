import ArgumentParser
import ChaperoneModel
import Foundation
import ReviewUI
import Store

/// `chaperone user add|passwd|disable|enable|list`: the web app's accounts, in the store
/// the configuration names (the SQLite file, or with `store.url` the trust's PostgreSQL).
/// Passwords are read from the terminal without echo, or from standard input when it is
/// not a terminal (scripts, tests); never from an argument.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the review web app's accounts.",
        subcommands: [UserAdd.self, UserPasswd.self, UserDisable.self, UserEnable.self, UserSchools.self, UserList.self])

    /// Who made the change, for the audit trail: the real user running the command.
    static var actor: String { QuarantineCommand.reviewer(nil) }

    /// Reads a new password twice from the terminal (no echo), or once from standard input.
    static func readNewPassword() throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = try PasswordPrompt.read("New password: ")
            let second = try PasswordPrompt.read("Repeat it: ")
            guard first == second else { throw ValidationError("the two passwords differ; nothing was changed") }
            password = first
        } else {
            guard let line = readLine(strippingNewline: true) else {
                throw ValidationError("no password on standard input; nothing was changed")
            }
            password = line
        }
        if let problem = PasswordHasher.problem(with: password) { throw ValidationError("\(problem); nothing was changed") }
        return password
    }
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account (asks for its password).")
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The account name (letters, digits, . - _ @).") var name: String
    @Option(help: "reviewer (IT: release, delete), auditor (DSL, DPO: read-only), or admin (accounts).") var role: WebUser.Role
    @Option(
        name: .customLong("school"),
        help: "Limit the account to this school's decisions (an id under schools:); repeat for several. None: every school.")
    var schools: [String] = []

    func validate() throws {
        guard WebUser.isValidName(name) else { throw ValidationError("'\(name)' is not a valid name: 1 to 64 letters, digits or . - _ @") }
    }

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        try UserCommand.checkSchools(schools, in: configuration, config: store.config)
        let password = try UserCommand.readNewPassword()
        let user = WebUser(
            name: name, role: role, passwordHash: try await PasswordHasher().hash(password), createdAt: Date(), schools: schools)
        try await store.withWebStore(configuration) { database in try await database.addWebUser(user, actor: UserCommand.actor) }
        print("Added \(name) as \(role.rawValue) for \(user.schoolsDescription).")
    }
}

struct UserPasswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set an account's password (and unlock it).")
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The account name.") var name: String

    func run() async throws {
        try await store.withWebStore(try store.loadedConfiguration()) { database in
            guard try await database.webUser(named: name) != nil else { throw StoreError.unknownUser(name) }
            let password = try UserCommand.readNewPassword()
            try await database.setWebUserPassword(
                named: name, passwordHash: try await PasswordHasher().hash(password), actor: UserCommand.actor, at: Date())
        }
        print("Changed the password of \(name); their web sessions have ended.")
    }
}

struct UserDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account (its sessions end at once).")
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The account name.") var name: String

    func run() async throws {
        try await UserCommand.setDisabled(true, name: name, store: store)
    }
}

struct UserEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account again.")
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The account name.") var name: String

    func run() async throws {
        try await UserCommand.setDisabled(false, name: name, store: store)
    }
}

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
    @OptionGroup var store: QuarantineCommand.StoreOptions

    func run() async throws {
        let users = try await store.withWebStore(try store.loadedConfiguration()) { database in try await database.webUsers() }
        guard !users.isEmpty else {
            print("No accounts. Add the first with: chaperone user add NAME --role admin")
            return
        }
        let now = Date()
        for user in users {
            let status = user.disabled ? "disabled" : ((user.lockedUntil ?? .distantPast) > now ? "locked" : "active")
            let last = user.lastLoginAt.map { "last sign-in \($0.formatted(.iso8601))" } ?? "never signed in"
            print("\(user.name)\t\(user.role.rawValue)\t\(status)\t\(last)\t\(user.schoolsDescription)")
        }
    }
}

struct UserSchools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools", abstract: "Set the schools an account sees (no --school: every school).")
    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The account name.") var name: String
    @Option(name: .customLong("school"), help: "A school id under schools:; repeat for several.") var schools: [String] = []

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        try UserCommand.checkSchools(schools, in: configuration, config: store.config)
        try await store.withWebStore(configuration) { database in
            try await database.setWebUserSchools(named: name, schools: schools, actor: UserCommand.actor, at: Date())
        }
        print("\(name) now sees \(schools.isEmpty ? "every school" : "only " + schools.joined(separator: ", ")).")
    }
}

extension WebUser.Role: ExpressibleByArgument {}

extension UserCommand {
    /// `--school` ids must be schools of the configuration (a typo would otherwise make an
    /// account that sees nothing).
    static func checkSchools(_ schools: [String], in configuration: Configuration, config: String?) throws {
        guard !schools.isEmpty else { return }
        let known = configuration.schools.map(\.id)
        let origin = config ?? "the default configuration"
        guard !known.isEmpty else {
            throw ValidationError("--school needs a configuration with a schools: list, and \(origin) has one school only; leave --school out")
        }
        if let unknown = schools.first(where: { !known.contains($0) }) {
            throw ValidationError("'\(unknown)' is not a school in \(origin): use one of \(known.joined(separator: ", "))")
        }
    }
}

extension UserCommand {
    /// `user disable` and `user enable`: one audited change to the account's flag.
    static func setDisabled(_ disabled: Bool, name: String, store: QuarantineCommand.StoreOptions) async throws {
        try await store.withWebStore(try store.loadedConfiguration()) { database in
            try await database.setWebUserDisabled(named: name, disabled: disabled, actor: actor, at: Date())
        }
        print(disabled ? "Disabled \(name)." : "Enabled \(name).")
    }
}
