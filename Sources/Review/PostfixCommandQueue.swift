import Foundation

/// The real `PostfixQueue`: `postqueue -j` to look, `postsuper -H` (then `postqueue -i`)
/// and `postsuper -d` to act, each with `-c DIR` when a Postfix instance other than the
/// default is configured.
public struct PostfixCommandQueue: PostfixQueue {
    /// `release.postfixConfigDirectory`; nil for the default instance.
    public var configDirectory: String?
    public var postqueuePath: String
    public var postsuperPath: String
    private let runner = ProcessRunner()

    public init(
        configDirectory: String?, postqueuePath: String = "/usr/sbin/postqueue",
        postsuperPath: String = "/usr/sbin/postsuper"
    ) {
        self.configDirectory = configDirectory
        self.postqueuePath = postqueuePath
        self.postsuperPath = postsuperPath
    }

    public func holds(_ queueID: String) async throws -> Bool {
        try Self.validate(queueID)
        // No Postfix on this host: nothing here can hold it.
        guard FileManager.default.isExecutableFile(atPath: postqueuePath) else { return false }
        let result = try await runner.run(postqueuePath, instanceArguments + ["-j"])
        guard result.status == 0 else {
            throw ReviewError.postfixCommandFailed(
                command: "postqueue -j", status: result.status, output: result.standardError)
        }
        return PostqueueListing(jsonLines: result.standardOutput).heldQueueIDs.contains(queueID)
    }

    /// `postsuper -H` moves the message from the hold queue to the deferred queue, where
    /// it would wait for the next deferred-queue run (up to `queue_run_delay`, 300 s by
    /// default); `postqueue -i` then asks for its delivery now. If that nudge fails the
    /// message is still released and goes out on the next queue run.
    public func release(_ queueID: String) async throws {
        try await postsuper(["-H", queueID], queueID: queueID)
        if try await holds(queueID) { throw ReviewError.postfixStillHolds(queueID: queueID) }
        _ = try? await runner.run(postqueuePath, instanceArguments + ["-i", queueID])
    }

    public func delete(_ queueID: String) async throws {
        try await postsuper(["-d", queueID, "hold"], queueID: queueID)
        if try await holds(queueID) { throw ReviewError.postfixStillHolds(queueID: queueID) }
    }

    private var instanceArguments: [String] {
        configDirectory.map { ["-c", $0] } ?? []
    }

    private func postsuper(_ arguments: [String], queueID: String) async throws {
        try Self.validate(queueID)
        let result = try await runner.run(postsuperPath, instanceArguments + arguments)
        guard result.status == 0 else {
            throw ReviewError.postfixCommandFailed(
                command: "postsuper " + arguments.joined(separator: " "), status: result.status,
                output: result.standardError)
        }
    }

    /// Queue ids are letters and digits; anything else (`ALL`, `-`, `/`) is refused.
    static func validate(_ queueID: String) throws {
        guard !queueID.isEmpty, queueID.count <= 64, queueID.uppercased() != "ALL",
              queueID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw ReviewError.badQueueID(queueID) }
    }
}
