import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import MilterServer

@Suite struct MessageSpoolTests {
    @Test func spillsToAPrivateFileAndReadsBackInOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try MilterServer.prepareSpoolDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let (contents, mode, peak, directoryMode) = try await loop.flatSubmit {
            let spool = MessageSpool(memoryLimit: 10, messageLimit: 1_000, directory: directory, threadPool: pool, eventLoop: loop)
            spool.append(Array("12345".utf8))
            spool.append(Array("67890abc".utf8))
            spool.append(Array("def".utf8))
            let path = spool.spoolPath ?? ""
            return spool.contents().assumeIsolated().flatMapThrowing { bytes in
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                let directoryMode = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
                let peak = spool.peakMemoryBytes
                spool.discard()
                return (String(decoding: bytes, as: UTF8.self), mode, peak, directoryMode)
            }.nonisolated()
        }.get()
        try await pool.shutdownGracefully()
        #expect(contents == "1234567890abcdef")
        #expect(mode == 0o600)
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
