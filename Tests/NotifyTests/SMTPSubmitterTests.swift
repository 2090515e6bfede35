import Foundation
import Testing

@testable import Notify

@Suite struct SMTPSubmitterTests {
    @Test func deliversTheExactBytesWithTheEnvelope() async throws {
        let server = try TinySMTPServer()
        defer { server.stop() }
        let original = Array("From: a@school.example\r\nSubject: dots\r\n\r\n.leading dot\r\n..two\r\ncaf\u{e9}\r\nend\r\n".utf8)
        let submitter = SMTPSubmitter(listener: try SMTPListenerAddress(parsing: server.listenerAddress), timeoutSeconds: 10)

        try await submitter.submit(
            OutgoingMessage(envelopeSender: "a@school.example", recipients: ["b@x.example", "c@y.example"], data: original))

        let received = try #require(server.transactions.first)
        #expect(server.transactions.count == 1)
        #expect(received.mailFrom == "a@school.example")
        #expect(received.recipients == ["b@x.example", "c@y.example"])
        #expect(received.data == original)
        #expect(received.mailParameters == "BODY=8BITMIME")
    }

    @Test func sendsTheNullSender() async throws {
        let server = try TinySMTPServer()
        defer { server.stop() }
        let submitter = SMTPSubmitter(listener: try SMTPListenerAddress(parsing: server.listenerAddress), timeoutSeconds: 10)
        try await submitter.submit(OutgoingMessage(envelopeSender: "", recipients: ["b@x.example"], data: Array("x\r\n".utf8)))
        #expect(server.transactions.first?.mailFrom == "")
        #expect(server.transactions.first?.mailParameters == "")
    }

    @Test func aRefusedRecipientFailsTheSubmission() async throws {
        let server = try TinySMTPServer(refusingRecipient: "gone@x.example")
        defer { server.stop() }
        let submitter = SMTPSubmitter(listener: try SMTPListenerAddress(parsing: server.listenerAddress), timeoutSeconds: 10)
        await #expect(throws: NotifyError.self) {
            try await submitter.submit(
                OutgoingMessage(envelopeSender: "a@school.example", recipients: ["ok@x.example", "gone@x.example"], data: [0x41]))
        }
        #expect(server.transactions.isEmpty)
    }

    @Test func refusesAddressesThatCouldInjectCommands() async throws {
        let submitter = SMTPSubmitter(listener: SMTPListenerAddress(host: "127.0.0.1", port: 9), timeoutSeconds: 1)
        await #expect(throws: NotifyError.badAddress("a@b>\r\nRCPT TO:<x@y")) {
            try await submitter.submit(
                OutgoingMessage(envelopeSender: "a@b>\r\nRCPT TO:<x@y", recipients: ["c@d"], data: [0x41]))
        }
    }

    @Test func readsListenerAddresses() throws {
        #expect(try SMTPListenerAddress(parsing: "127.0.0.1:10026") == SMTPListenerAddress(host: "127.0.0.1", port: 10026))
        #expect(try SMTPListenerAddress(parsing: "[::1]:25") == SMTPListenerAddress(host: "::1", port: 25))
        #expect(throws: NotifyError.badListener("localhost")) { try SMTPListenerAddress(parsing: "localhost") }
        #expect(throws: NotifyError.badListener("host:99999")) { try SMTPListenerAddress(parsing: "host:99999") }
    }
}
