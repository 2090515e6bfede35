import ChaperoneModel
import Foundation
import Testing
@testable import MIMEParser

@Suite struct MessageStructureTests {
    static let mixed = [
        "From: Office <office@school.test>",
        "To: parent@home.test",
        "Subject: =?utf-8?q?Trip_=E2=80=93_Year_7?=",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"outer\"",
        "",
        "This is the preamble.",
        "--outer",
        "Content-Type: multipart/alternative; boundary=inner",
        "",
        "--inner",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Dear parent,=",
        " the trip is on Friday.",
        "--inner",
        "Content-Type: text/html",
        "",
        "<p>Dear parent</p>",
        "--inner--",
        "--outer",
        "Content-Type: application/pdf; name=\"form.pdf\"",
        "Content-Disposition: attachment",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQK",
        "--outer--",
        "Epilogue.",
    ]

    @Test func buildsTheTreeWithPathsAndDecodedBodies() {
        let message = MessageText.parse(Self.mixed)
        let root = message.root
        #expect(root.contentType.mimeType == "multipart/mixed")
        #expect(root.headers["subject"] == "Trip – Year 7")
        #expect(root.allParts.map(\.path) == ["0", "1", "1.1", "1.2", "2"])
        #expect(MessageText.text(root.part(at: "1.1")) == "Dear parent, the trip is on Friday.")
        #expect(MessageText.text(root.part(at: "1.2")) == "<p>Dear parent</p>")
        let pdf = root.part(at: "2")
        #expect(pdf?.filename == "form.pdf")
        #expect(pdf?.disposition?.isAttachment == true)
        #expect(pdf?.body == Array("%PDF-1.4\n".utf8))
        #expect(message.problems.isEmpty)
    }

    @Test func bareLineFeedsGiveTheSameTree() {
        let crlf = ParsedMessage.parse(MessageText.crlf(Self.mixed))
        let lf = ParsedMessage.parse(MessageText.lf(Self.mixed))
        #expect(PartSummary(crlf.root).children.map(\.bodyDigest) == PartSummary(lf.root).children.map(\.bodyDigest))
        #expect(lf.root.allParts.map(\.path) == crlf.root.allParts.map(\.path))
        #expect(MessageText.text(lf.root.part(at: "1.1")) == "Dear parent, the trip is on Friday.")
    }

    @Test func repeatedHeadersAreKeptInOrderAndLookupIgnoresCase() {
        let message = MessageText.parse(["Received: one", "RECEIVED: two", "X-Folded: a", "\tb", "", "body"])
        #expect(message.headers.all(named: "received").map(\.value) == ["one", "two"])
        #expect(message.headers["x-folded"] == "a\tb")
        #expect(message.headers.first(named: "X-FOLDED")?.rawBytes == Array("X-Folded: a\r\n\tb".utf8))
    }

    @Test func rawEightBitHeaderBytesAreRead() {
        var bytes = Array("Subject: caf".utf8) + [0xE9] + Array("\r\n\r\nbody".utf8)
        #expect(ParsedMessage.parse(bytes).headers["subject"] == "café")
        bytes = Array("Subject: caf".utf8) + [0xC3, 0xA9] + Array("\r\n\r\nbody".utf8)
        #expect(ParsedMessage.parse(bytes).headers["subject"] == "café")
    }

    @Test func missingInnerCloseBoundaryIsRepairedByOuterBoundary() {
        let message = MessageText.parse([
            "Content-Type: multipart/mixed; boundary=a", "",
            "--a", "Content-Type: multipart/alternative; boundary=b", "",
            "--b", "", "inner text",
            "--a", "", "second part",
            "--a--",
        ])
        #expect(MessageText.text(message.root.part(at: "1.1")) == "inner text")
        #expect(MessageText.text(message.root.part(at: "2")) == "second part")
        #expect(message.problems.contains { $0.kind == .repaired && $0.location == "part 1" })
    }

    @Test func truncatedMessageKeepsWhatArrived() {
        let message = MessageText.parse(["Content-Type: multipart/mixed; boundary=a", "", "--a", "", "partial te"])
        #expect(MessageText.text(message.root.part(at: "1")) == "partial te")
        #expect(message.problems.contains { $0.kind == .repaired })
    }

    @Test func enclosedMessagesAreParsed() {
        let message = MessageText.parse([
            "Content-Type: multipart/mixed; boundary=a", "",
            "--a", "", "cover note",
            "--a", "Content-Type: message/rfc822", "",
            "Subject: Forwarded", "Content-Type: text/plain", "", "inner body",
            "--a", "Content-Type: message/global", "Content-Transfer-Encoding: base64", "",
            "U3ViamVjdDogRW5jb2RlZA0KDQppbm5lcg==",
            "--a--",
        ])
        let forwarded = message.root.part(at: "2")
        #expect(forwarded?.enclosedMessage?.headers["subject"] == "Forwarded")
        #expect(MessageText.text(message.root.part(at: "2.1")) == "inner body")
        let encoded = message.root.part(at: "3")
        #expect(encoded?.enclosedMessage?.headers["subject"] == "Encoded")
        #expect(MessageText.text(message.root.part(at: "3.1")) == "inner")
    }

    @Test func digestChildrenDefaultToMessages() {
        let message = MessageText.parse([
            "Content-Type: multipart/digest; boundary=d", "", "--d", "", "Subject: One", "", "first", "--d--",
        ])
        #expect(message.root.part(at: "1")?.contentType.mimeType == "message/rfc822")
        #expect(message.root.part(at: "1.1")?.headers["subject"] == "One")
    }

    @Test func multipartWithoutBoundaryIsText() {
        let message = MessageText.parse(["Content-Type: multipart/mixed", "", "just text"])
        #expect(message.root.contentType == .textPlain)
        #expect(MessageText.text(message.root) == "just text")
        #expect(message.problems.count == 1)
    }

    @Test func unknownTransferEncodingIsReadAs7bitAndLeavesContentUnread() {
        let message = MessageText.parse(["Content-Transfer-Encoding: x-made-up", "", "hello"])
        #expect(MessageText.text(message.root) == "hello")
        #expect(message.problems.map(\.kind) == [.undecodable])
        #expect(message.problems.allSatisfy { $0.leavesContentUnscanned })
        #expect(message.root.bodyIsUndecoded)
    }

    @Test func proseLabelledBase64IsDecodedAndItsRawTextKept() {
        let message = MessageText.parse([
            "Content-Transfer-Encoding: base64", "",
            "Dear parents, the trip to the museum is on Friday. Please sign and return the form.",
        ])
        #expect(MessageText.text(message.root)?.hasPrefix("Dear parents") == false)
        #expect(message.root.undecodedBody.map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("Dear parents") == true)
        #expect(message.problems.map(\.kind) == [.repaired])
        #expect(!message.root.bodyIsUndecoded)
    }

    /// RFC 2045 6.8: characters outside the alphabet are ignored, however many there
    /// are. Python's email package recovers this list; so must we. (Pupils invented.)
    @Test func base64WithMostlyStrayCharactersIsStillDecoded() {
        let list = "Zoë Okafor-Brennan 27/08/2014\nCiarán O'Neill 22/11/2009\nAli Rahman 07/01/2011\n"
        let encoded = Array(Data(list.utf8).base64EncodedString().utf8)
        var polluted = ""
        for (index, character) in encoded.enumerated() {
            polluted.append(Character(Unicode.Scalar(character)))
            if index % 3 == 0 { polluted += "!*" }
        }
        let message = MessageText.parse(["Content-Transfer-Encoding: base64", "", polluted])
        #expect(MessageText.text(message.root) == list)
        #expect(message.problems.map(\.kind) == [.repaired])
        #expect(message.problems.allSatisfy { !$0.leavesContentUnscanned })
    }

    @Test func loneCRLineBreaksAreLineBreaks() {
        let bytes = Array("From: a@example.org\rSubject: cr only\rContent-Type: text/plain\r\rBody line one\rline two\r".utf8)
        let message = ParsedMessage.parse(bytes)
        #expect(message.root.headers.first(named: "Subject")?.decodedValue == "cr only")
        #expect(message.root.headers.first(named: "From")?.decodedValue == "a@example.org")
        #expect(MessageText.text(message.root) == "Body line one\rline two\r")
    }

    @Test func mixedLineEndingsAndCRCRLF() {
        let bytes = Array("Subject: mixed\nContent-Type: multipart/mixed; boundary=b\r\n\r--b\rContent-Type: text/plain\r\n\nhello\r--b--\r\n".utf8)
        let message = ParsedMessage.parse(bytes)
        #expect(message.root.headers.first(named: "Subject")?.decodedValue == "mixed")
        #expect(MessageText.text(message.root.part(at: "1")) == "hello")
    }

    @Test func loneCRFoldedHeaderIsUnfolded() {
        let bytes = Array("Subject: one\r two\rTo: b@example.org\r\rbody".utf8)
        let message = ParsedMessage.parse(bytes)
        #expect(message.root.headers.first(named: "Subject")?.decodedValue == "one two")
        #expect(MessageText.text(message.root) == "body")
    }

    @Test func headerBlockWithoutBlankLine() {
        let message = MessageText.parse(["Content-Type: multipart/mixed; boundary=a", "", "--a", "Content-Type: text/plain", "no blank line", "--a--"])
        #expect(MessageText.text(message.root.part(at: "1")) == "no blank line")
    }

    @Test func boundaryThatIsAPrefixOfAnother() {
        let message = MessageText.parse([
            "Content-Type: multipart/mixed; boundary=ab", "",
            "--ab", "Content-Type: multipart/mixed; boundary=abc", "",
            "--abc", "", "deep", "--abc--",
            "--ab", "", "shallow", "--ab--",
        ])
        #expect(MessageText.text(message.root.part(at: "1.1")) == "deep")
        #expect(MessageText.text(message.root.part(at: "2")) == "shallow")
        #expect(message.problems.isEmpty)
    }

    @Test func repeatedDelimitersAndReusedBoundaries() {
        let message = MessageText.parse([
            "Content-Type: multipart/mixed; boundary=same", "",
            "--same", "--same", "", "after an empty part",
            "--same", "Content-Type: multipart/alternative; boundary=same", "",
            "--same", "", "inner claims the shared boundary",
            "--same--", "outer epilogue text", "--same--",
        ])
        #expect(message.root.allParts.map(\.path) == ["0", "1", "2", "3", "3.1"])
        #expect(message.root.part(at: "1")?.body.isEmpty == true)
        #expect(MessageText.text(message.root.part(at: "2")) == "after an empty part")
        #expect(MessageText.text(message.root.part(at: "3.1")) == "inner claims the shared boundary")
    }

    @Test func binaryAndEightBitBodiesAreKeptByteForByte() {
        let body: [UInt8] = [0x00, 0x0D, 0xFF, 0x80, 0x0D, 0x0A, 0x41]
        let bytes = Array("Content-Transfer-Encoding: binary\r\n\r\n".utf8) + body
        #expect(ParsedMessage.parse(bytes).root.body == body)
        let eightBit = Array("Content-Transfer-Encoding: 8bit\n\n".utf8) + [0xE9, 0x0A, 0xE8]
        #expect(ParsedMessage.parse(eightBit).root.body == [0xE9, 0x0A, 0xE8])
    }
}
