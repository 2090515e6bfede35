import Testing
@testable import MIMEParser

@Suite struct HeaderParametersTests {
    @Test func quotedAndTokenValues() {
        let type = ContentType(parsing: "Text/HTML; charset=\"UTF-8\"; format=flowed (comment)")
        #expect(type?.mimeType == "text/html")
        #expect(type?.charset == "utf-8")
        #expect(type?.parameters["format"] == "flowed")
    }

    @Test func rfc2231ContinuationsCharsetAndLanguage() {
        let text = "attachment; filename*0*=UTF-8'en-gb'Year%207%20; filename*1*=r%C3%A9sum%C3%A9; filename*2=\".csv\""
        let disposition = ContentDisposition(parsing: text)
        #expect(disposition.isAttachment)
        #expect(disposition.filename == "Year 7 résumé.csv")
    }

    @Test func rfc2231SingleExtendedValueWinsOverPlain() {
        let disposition = ContentDisposition(parsing: "attachment; filename=\"fallback.txt\"; filename*=iso-8859-1''caf%E9.txt")
        #expect(disposition.filename == "café.txt")
    }

    @Test func continuationsOutOfOrderAreSorted() {
        let type = ContentType(parsing: "application/pdf; name*1=\"two.pdf\"; name*0=\"part-\"")
        #expect(type?.parameters["name"] == "part-two.pdf")
    }

    @Test func encodedWordInQuotedFilenameIsDecoded() {
        let disposition = ContentDisposition(parsing: "attachment; filename=\"=?utf-8?B?UmVwb3J0Lnhsc3g=?=\"")
        #expect(disposition.filename == "Report.xlsx")
    }

    @Test func unquotedValueWithSpacesAndEscapes() {
        let disposition = ContentDisposition(parsing: "attachment; filename=class list.csv; note=\"a \\\"b\\\"\"")
        #expect(disposition.filename == "class list.csv")
        #expect(disposition.parameters["note"] == "a \"b\"")
    }

    @Test func unusableContentTypeIsNil() {
        #expect(ContentType(parsing: "text") == nil)
        #expect(ContentType(parsing: "/plain") == nil)
    }
}
