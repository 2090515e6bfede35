import ChaperoneModel
import Testing
@testable import TextExtraction

@Suite struct MessageContentTests {
    @Test func addressesMessageIDAndHeaderSegments() {
        let content = Extraction.content([
            "From: \"Fernley, Ada\" <Ada@Oakfield.SCH.test>",
            "To: Parents: p1@home.test, \"Sam Q\" <p2@Home.test>;",
            "Cc: office@oakfield.sch.test", "Bcc: head@oakfield.sch.test",
            "Subject: =?utf-8?q?Trip_for_Year_7_=E2=80=93_Monday?=",
            "Message-ID: < trip-7@oakfield.sch.test >",
            "", "Hello",
        ])
        #expect(content.messageID == "trip-7@oakfield.sch.test")
        #expect(content.fromAddresses == ["Ada@oakfield.sch.test"])
        #expect(content.toAddresses == ["p1@home.test", "p2@home.test"])
        #expect(content.ccAddresses == ["office@oakfield.sch.test"])
        #expect(content.bccAddresses == ["head@oakfield.sch.test"])
        #expect(!content.isAutoSubmitted)
        let subject = content.segments.first { $0.location == .header("subject") }
        #expect(subject?.text == "Trip for Year 7 – Monday")
        #expect(content.segments.first { $0.location == .header("to") }?.text == "Sam Q")
        #expect(content.segments.first { $0.location == .header("from") }?.text == "Fernley, Ada")
        #expect(content.segments.last?.location == .body("0"))
        #expect(content.segments.last?.text == "Hello")
    }

    @Test func autoSubmittedAndReports() {
        #expect(Extraction.content(["Auto-Submitted: auto-replied", "", "x"]).isAutoSubmitted)
        #expect(!Extraction.content(["Auto-Submitted: no", "", "x"]).isAutoSubmitted)
        #expect(Extraction.content(["Content-Type: multipart/report; boundary=r", "", "--r", "", "x", "--r--"]).isAutoSubmitted)
    }

    @Test func bodiesAttachmentsAndFilenameSegments() {
        let content = Extraction.content([
            "Content-Type: multipart/mixed; boundary=m", "",
            "--m", "Content-Type: text/plain", "", "Body text",
            "--m", "Content-Type: text/plain; name=notes.txt", "Content-Disposition: attachment", "", "Attached notes",
            "--m", "Content-Type: image/png", "Content-ID: <logo>", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo=",
            "--m--",
        ])
        #expect(content.segments.contains { $0.location == .body("1") && $0.text == "Body text" })
        #expect(content.segments.contains {
            $0.location == TextLocation(kind: .attachmentName, name: "notes.txt", partPath: "2") && $0.role == .filename
        })
        #expect(content.segments.contains { $0.location == .attachment("notes.txt", partPath: "2") && $0.text == "Attached notes" })
        #expect(content.attachments.map(\.partPath) == ["2", "3"])
        #expect(content.attachments.last?.isInline == true)
        #expect(content.attachments.last?.size == 8)
        #expect(content.attachments.first?.contentType == "text/plain")
    }

    @Test func enclosedMessageHeadersAndBodiesAreExtracted() {
        let content = Extraction.content([
            "Subject: Fwd", "Content-Type: multipart/mixed; boundary=m", "",
            "--m", "", "See below",
            "--m", "Content-Type: message/rfc822", "", "Subject: Inner subject", "", "Inner body",
            "--m--",
        ])
        #expect(content.segments.contains {
            $0.location == TextLocation(kind: .header, name: "subject", partPath: "2.1") && $0.text == "Inner subject"
        })
        #expect(content.segments.contains { $0.location == .body("2.1") && $0.text == "Inner body" })
        #expect(content.attachments.map(\.contentType) == ["message/rfc822"])
    }

    @Test func formatFlowedIsRejoined() {
        let content = Extraction.content([
            "Content-Type: text/plain; format=flowed; delsp=no", "",
            "Jo Smi", "th is in Year 7 and ", "likes art.", "> quoted ", "> line", "-- ", "Sig",
        ])
        // A soft break only at a trailing space: "Jo Smi" ends without one, so it stays.
        #expect(content.segments.last?.text == "Jo Smi\nth is in Year 7 and likes art.\n> quoted line\n-- \nSig")
        let deleting = Extraction.content(["Content-Type: text/plain; format=flowed; delsp=yes", "", "Jo Smi ", "th"])
        #expect(deleting.segments.last?.text == "Jo Smith")
    }

    @Test func charsetsAndProblems() {
        let content = Extraction.content([
            "Content-Type: multipart/mixed; boundary=m", "",
            "--m", "Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: quoted-printable", "", "Caf=E9",
            "--m", "Content-Type: text/plain; charset=x-klingon", "", "qapla",
            "--m", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", "bad =E9 byte",
            "--m--",
        ])
        #expect(content.segments.map(\.text) == ["Café", "qapla", "bad é byte"])
        #expect(content.problems.map(\.kind) == [.unknownEncoding, .repaired])
        #expect(content.problems.map(\.location) == ["body:2", "body:3"])
    }

    @Test func proseLabelledBase64IsScannedBothWays() {
        let content = Extraction.content([
            "Content-Type: application/pdf; name=letter.pdf", "Content-Transfer-Encoding: base64", "",
            "Dear Mrs Example, this letter about your child is not really base64 at all.",
        ])
        #expect(content.segments.contains { $0.location.kind == .attachment && $0.text.hasPrefix("Dear Mrs Example") })
        #expect(content.problems.contains { $0.kind == .repaired && $0.message.contains("raw text was scanned as well") })
        // What the base64 decodes to is no PDF: that is unread content, reported as such.
        #expect(content.problems.contains { $0.leavesContentUnscanned })
    }

    @Test func textLimitCutsAndReports() {
        var limits = Limits()
        limits.maxTextBytes = 10
        let content = Extraction.content(["Subject: abcdef", "", "0123456789"], limits: limits)
        #expect(content.segments.map(\.text) == ["abcdef", "0123"])
        #expect(content.problems.compactMap(\.limit) == ["max_text_bytes"])
    }
}
