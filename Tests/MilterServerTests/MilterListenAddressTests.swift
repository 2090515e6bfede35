import Foundation
import MilterProtocol
import MilterServer
import NIOCore
import Testing

@Suite struct MilterListenAddressTests {
    @Test func parsesPostfixSyntax() throws {
        #expect(try MilterListenAddress(parsing: "inet:127.0.0.1:8891") == .inet(host: "127.0.0.1", port: 8891))
        #expect(try MilterListenAddress(parsing: "inet:[::1]:8891") == .inet(host: "::1", port: 8891))
        #expect(try MilterListenAddress(parsing: "unix:/run/chaperone/milter.sock") == .unix(path: "/run/chaperone/milter.sock"))
        #expect(MilterListenAddress.inet(host: "::1", port: 1).description == "inet:[::1]:1")
    }

    @Test(arguments: ["", "inet:", "inet:127.0.0.1", "inet::25", "inet:host:99999", "tcp:1.2.3.4:5", "unix:", "8891@127.0.0.1"])
    func refusesAnythingElse(_ text: String) {
        #expect(throws: MilterServerError.invalidListenAddress(text)) { try MilterListenAddress(parsing: text) }
    }

    @Test func servesOnAUnixSocket() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("m-\(UUID().uuidString.prefix(8)).sock").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await TestServer.with(address: .unix(path: path)) { server in
            let options = try await MilterConversation.with(server.address) { try await $0.negotiate() }
            #expect(options == .chaperone)
            await #expect(throws: MilterServerError.alreadyStarted) { try await server.server.start() }
        }
    }
}
