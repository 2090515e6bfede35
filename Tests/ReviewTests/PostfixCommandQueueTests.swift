import Foundation
import Testing

@testable import Review

@Suite struct PostfixCommandQueueTests {
    @Test func readsHeldQueueIDsFromPostqueueJSON() {
        let output = """
            {"queue_name": "hold", "queue_id": "4ABC1", "arrival_time": 1, "recipients": []}
            {"queue_name": "deferred", "queue_id": "4ABC2"}
            not json
            {"queue_name": "hold", "queue_id": "4ABC3"}
            """
        #expect(PostqueueListing(jsonLines: Array(output.utf8)).heldQueueIDs == ["4ABC1", "4ABC3"])
    }

    @Test(arguments: ["ALL", "all", "-d", "4ABC/../x", "", "4AB C"])
    func refusesWhatIsNotAQueueID(queueID: String) {
        #expect(throws: ReviewError.badQueueID(queueID)) { try PostfixCommandQueue.validate(queueID) }
    }

    @Test func runsPostsuperAndPostqueueWithTheInstanceDirectory() async throws {
        let directory = NSTemporaryDirectory() + "chaperone-postfix-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/calls.log"
        let state = directory + "/held"
        try "4ABC1\n".write(toFile: state, atomically: true, encoding: .utf8)
        // Stand-ins that log their arguments and keep a hold queue in a file.
        try writeScript(directory + "/postqueue", """
            echo "postqueue $*" >> \(log)
            while read id; do echo "{\\"queue_name\\": \\"hold\\", \\"queue_id\\": \\"$id\\"}"; done < \(state)
            """)
        try writeScript(directory + "/postsuper", """
            echo "postsuper $*" >> \(log)
            : > \(state)
            """)
        let queue = PostfixCommandQueue(
            configDirectory: "/etc/postfix-out", postqueuePath: directory + "/postqueue", postsuperPath: directory + "/postsuper")

        #expect(try await queue.holds("4ABC1"))
        #expect(try await !queue.holds("4ZZZ9"))
        try await queue.release("4ABC1")
        #expect(try await !queue.holds("4ABC1"))

        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls.contains("postsuper -c /etc/postfix-out -H 4ABC1"))
        #expect(calls.allSatisfy { $0.contains("-c /etc/postfix-out") })
    }

    @Test func aFailingPostsuperIsReported() async throws {
        let directory = NSTemporaryDirectory() + "chaperone-postfix-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeScript(directory + "/postsuper", "echo 'postsuper: fatal: not root' >&2; exit 1")
        let queue = PostfixCommandQueue(
            configDirectory: nil, postqueuePath: directory + "/missing", postsuperPath: directory + "/postsuper")

        #expect(try await !queue.holds("4ABC1"))
        await #expect(throws: ReviewError.postfixCommandFailed(
            command: "postsuper -d 4ABC1 hold", status: 1, output: "postsuper: fatal: not root")) {
            try await queue.delete("4ABC1")
        }
    }

    private func writeScript(_ path: String, _ body: String) throws {
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
}
