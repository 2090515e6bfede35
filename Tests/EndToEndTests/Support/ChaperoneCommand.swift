import Foundation

/// The built `chaperone` executable run as a technician would, optionally as another
/// user (through `setpriv`, with no supplementary groups) to show what needs no root.
enum ChaperoneCommand {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// `nobody:nogroup`: an account with no privileges at all.
    static let unprivileged: (uid: UInt32, gid: UInt32) = (65_534, 65_534)

    /// `groups`: supplementary groups for `user` (none when empty), as its login would have.
    static func run(
        _ arguments: [String], as user: (uid: UInt32, gid: UInt32)? = nil, groups: [UInt32] = [],
        environment: [String: String] = [:], input: String? = nil
    ) throws -> Run {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let executable = try ServeProcess.executable()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            let groupOption = groups.isEmpty ? "--clear-groups" : "--groups=" + groups.map { String($0) }.joined(separator: ",")
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", groupOption, "--", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }
}
