import Testing

@testable import Review

/// The released copy: a release header first; the trace header and any earlier release
/// header (folded or not, any case) gone from the header section; the body untouched.
@Suite struct ReleaseHeaderTests {
    @Test func removesTraceAndForgedReleaseHeadersButNotTheBody() {
        let raw = Array("""
            From: a@school.example\r
            x-chaperone: quarantine; id=CH-OLD\r
            X-Chaperone-Release: CH-FORGED\r
            \tcontinued\r
            Subject: report\r
            X-Chaperone-Classification: sections=7.2\r
            \r
            X-Chaperone: quarantine stays in the body\r

            """.utf8)
        let copy = ReleaseHeader.releasedCopy(of: raw, decisionID: "CH-1", removing: ["X-Chaperone"])
        #expect(String(decoding: copy, as: UTF8.self) == """
            X-Chaperone-Release: CH-1\r
            From: a@school.example\r
            Subject: report\r
            X-Chaperone-Classification: sections=7.2\r
            \r
            X-Chaperone: quarantine stays in the body\r

            """)
    }

    @Test func aMessageWithLFLineEndsAndNoBodyKeepsItsHeaders() {
        let raw = Array("From: a@school.example\nX-Chaperone : quarantine\n".utf8)
        let copy = ReleaseHeader.releasedCopy(of: raw, decisionID: "CH-2", removing: ["X-Chaperone"])
        #expect(String(decoding: copy, as: UTF8.self) == "X-Chaperone-Release: CH-2\r\nFrom: a@school.example\n")
    }
}
