import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import MilterServer

@Suite struct MessageSpoolTests {
    /// The spool file has no name while in use: a kill -9 at that moment leaves nothing.
    @Test func spillsToAnUnnamedFileAndReadsBackInOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try MilterServer.prepareSpoolDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let (contents, namesWhileSpooled, peak, directoryMode) = try await loop.flatSubmit {
            let spool = MessageSpool(memoryLimit: 10, messageLimit: 1_000, directory: directory, threadPool: pool, eventLoop: loop)
            spool.append(Array("12345".utf8))
            spool.append(Array("67890abc".utf8))
            spool.append(Array("def".utf8))
            return spool.contents().assumeIsolated().flatMapThrowing { bytes in
                #expect(spool.isSpooled)
                let names = try FileManager.default.contentsOfDirectory(atPath: directory)
                let directoryMode = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
                let peak = spool.peakMemoryBytes
                spool.discard()
                return (String(decoding: bytes, as: UTF8.self), names, peak, directoryMode)
            }.nonisolated()
        }.get()
        try await pool.shutdownGracefully()
        #expect(contents == "1234567890abcdef")
        #expect(namesWhileSpooled.isEmpty, "spool file has a name: \(namesWhileSpooled)")
        #expect(directoryMode == 0o700)
        #expect(peak == 5)
    }

    @Test func overTheMessageLimitNothingIsKept() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let pool = NIOThreadPool(numberOfThreads: 1)
        let (overLimit, total, spooled) = try await loop.submit {
            let spool = MessageSpool(memoryLimit: 10, messageLimit: 12, directory: "/nonexistent", threadPool: pool, eventLoop: loop)
            spool.append(Array("12345".utf8))
            spool.append(Array("67890abc".utf8))
            return (spool.isOverLimit, spool.totalBytes, spool.isSpooled)
        }.get()
        #expect(overLimit)
        #expect(total == 13)
        #expect(!spooled)
    }
}

@Suite struct StaleSpoolTests {
    @Test func spoolFilesOlderVersionsLeftAreRemovedAtStart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try MilterServer.prepareSpoolDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // What a kill -9 left with the old named spool: a pupil's name in plain text.
        try Data("Subject: Amelia Hartley-Brown, DOB 03/04/2014\r\n".utf8).write(to: URL(fileURLWithPath: directory + "/msg-k2j3h4"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/tmp-abc"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: directory + "/README"))
        let removed = try MilterServer.prepareSpoolDirectory(directory)
        #expect(removed == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["README"])
    }
}
