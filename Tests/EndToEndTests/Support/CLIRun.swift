import Foundation

/// The built `chaperone` run from the repository root with arguments, optional
/// standard input and a clean environment, as the README's commands are run; with the
/// helpers the CLI contract tests use to read its JSON Lines.
struct CLIRun {
    var status: Int32
    var output: String
    var errors: String

    static func run(_ arguments: [String], input: String? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = try ServeProcess.executable()
        process.arguments = arguments
        process.currentDirectoryURL = ProductionPath.repository
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_STREAM")
        process.environment = environment
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// Each line of `text` as a JSON object; throws if any line is not one.
    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CLIContractError.notAnObject(String(line))
            }
            return object
        }
    }

    /// Every key of every object nested in `value` that is not snake_case.
    static func keysNotSnakeCase(_ value: Any, path: String = "") -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, nested in
                (key.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]+)*/) == nil ? [path + key] : [])
                    + keysNotSnakeCase(nested, path: path + key + ".")
            }
        }
        if let array = value as? [Any] { return array.flatMap { keysNotSnakeCase($0, path: path) } }
        return []
    }

    /// A fresh directory under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}

/// What the CLI contract tests found wrong in an output.
enum CLIContractError: Error {
    case notAnObject(String)
}
