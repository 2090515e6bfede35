import ArgumentParser
import Foundation
import Review
import Store

/// How every command reports the error it stops on: one line on standard error,
/// `chaperone <command>: <what, where, how to fix>`, or with `--json` one JSON object
/// `{"command": …, "error": …, "status": N}`; and the exit status the contract gives it
/// (see `ExitStatus`). Usage errors keep ArgumentParser's usage hint in text mode.
struct CommandErrorReport {
    /// `scan`, `quarantine release`, …: the subcommand words of the command line.
    var command: String
    var json: Bool

    /// Reads the command words and `--json` from the raw arguments (before any `--`).
    init(arguments: [String]) {
        let words = Array(arguments.prefix { $0 != "--" })
        json = words.contains("--json")
        var names: [String] = []
        var level: [any ParsableCommand.Type] = Chaperone.configuration.subcommands
        for word in words {
            guard let match = level.first(where: { $0.configuration.commandName == word }) else { break }
            names.append(word)
            level = match.configuration.subcommands
        }
        command = (["chaperone"] + names).joined(separator: " ")
    }

    /// The status for `error` under the contract.
    static func status(for error: any Error) -> ExitStatus {
        switch error {
        case let failure as CommandFailure: return failure.status
        case is ValidationError, is RuntimeLoader.LoadError, is InspectError: return .usageOrInput
        case let store as StoreError:
            switch store {
            case .unknownDecision, .badSince, .cannotCreateDatabase: return .usageOrInput
            default: return .refused
            }
        case let review as ReviewError:
            if case .mailLogUnreadable = review { return .usageOrInput }
            return .refused
        default:
            return Chaperone.exitCode(for: error) == .validationFailure ? .usageOrInput : .refused
        }
    }

    /// The error's own words, without ArgumentParser's "Error: " or usage lines.
    static func text(for error: any Error) -> String {
        switch error {
        case let failure as CommandFailure: return failure.description
        case let validation as ValidationError: return validation.message
        case let described as CustomStringConvertible where !(Chaperone.exitCode(for: error) == .validationFailure):
            return described.description
        default:
            var message = Chaperone.message(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            return message
        }
    }

    /// Prints the report for `error` on standard error and returns the status to exit with.
    func report(_ error: any Error) -> ExitStatus {
        let status = Self.status(for: error)
        let text = Self.text(for: error)
        let line: String
        if json {
            line = JSONLines.line(ErrorLine(command: command, error: text, status: Int(status.rawValue)))
        } else if status == .usageOrInput, Chaperone.exitCode(for: error) == .validationFailure {
            line = "\(command): \(text)\n" + Chaperone.fullMessage(for: error).split(separator: "\n").dropFirst()
                .filter { !$0.isEmpty }.joined(separator: "\n")
        } else {
            line = "\(command): \(text)"
        }
        // Under systemd (a service's ExecStart or ExecStartPre) the journal reads the priority.
        let journal = !(ProcessInfo.processInfo.environment["JOURNAL_STREAM"] ?? "").isEmpty && !json
        FileHandle.standardError.write(Data(((journal ? "<3>" : "") + (line.hasSuffix("\n") ? line : line + "\n")).utf8))
        return status
    }

    /// An error as `--json` prints it.
    struct ErrorLine: Encodable {
        var command: String
        var error: String
        var status: Int
    }

    /// One scan input that could not be read, as `scan --json` prints it on standard error.
    struct FileErrorLine: Encodable {
        var command: String
        var error: String
        var file: String
    }
}
