import ChaperoneModel
import Testing
@testable import TextExtraction

@Suite struct HTMLExtractionTests {
    @Test func entitiesBlocksAndBreaks() {
        let segments = Extraction.html("<html><body><h1>Caf&eacute; &amp; bar</h1><p>Line one<br>Line&nbsp;two</p><div>Next</div></body></html>")
        #expect(segments.map(\.text) == ["Café & bar\nLine one\nLine two\nNext"])
        #expect(segments.first?.role == .prose)
        #expect(segments.first?.location == .body("0"))
    }

    @Test func scriptStyleAndCommentsDropped() {
        let segments = Extraction.html("<style>.a{}</style><script>var name='x'</script><!-- hidden pupil --><p>Shown</p>")
        #expect(segments.map(\.text) == ["Shown"])
    }

    @Test func tableRowsKeepCellsApart() {
        let segments = Extraction.html("""
            <p>Before</p><table><tr><th>Name</th><th>Class</th></tr>
            <tr><td>Jo <b>Example</b></td><td>7B</td></tr><tr><td></td><td></td></tr><tr><td>Sam</td><td>8C</td></tr></table>
            <table><tr><td>Second</td></tr></table><p>After</p>
            """)
        let rows = segments.filter { $0.role == .tableRow }
        #expect(rows.map(\.text) == ["Name\tClass", "Jo Example\t7B", "Sam\t8C", "Second"])
        #expect(rows.map(\.row) == [0, 1, 3, 0])
        #expect(rows.map(\.table) == [0, 0, 0, 1])
        #expect(segments.filter { $0.role == .prose }.map(\.text) == ["Before", "After"])
    }

    @Test func altTextAndLinkTargetsAreSegments() {
        let segments = Extraction.html("<p>Photo <img src=a.png alt='Jo at sports day'> <a href='mailto:jo@home.test'>mail</a> <a href='#top'>top</a></p>")
        #expect(segments.filter { $0.role == .altText }.map(\.text) == ["Jo at sports day"])
        #expect(segments.filter { $0.role == .linkTarget }.map(\.text) == ["mailto:jo@home.test"])
        #expect(segments.filter { $0.role == .prose }.map(\.text) == ["Photo mail top"])
    }

    @Test func externalEntitiesAndDoctypesAreNotLoaded() {
        let segments = Extraction.html("<!DOCTYPE html SYSTEM \"http://127.0.0.1:9/x.dtd\"><p>&xxe;safe</p>")
        #expect(segments.first?.text.contains("safe") == true)
    }

    @Test func brokenMarkupIsRecovered() {
        let segments = Extraction.html("<p>Unclosed <b>bold <td>cell</p></div></div><table><tr><td>x")
        #expect(segments.contains { $0.text.contains("Unclosed bold") })
        #expect(segments.contains { $0.text == "x" && $0.role == .tableRow })
    }

    @Test func metaCharsetIsHonouredWhenUnlabelled() {
        var bytes = Array("Content-Type: text/html\r\n\r\n<meta charset=\"windows-1252\"><p>caf".utf8)
        bytes += [0xE9] + Array("</p>".utf8)
        let segments = Extraction.content(bytes).segments
        #expect(segments.map(\.text) == ["café"])
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let markup = String(repeating: "<div>", count: 5_000) + "deep" + String(repeating: "</div>", count: 5_000)
        let content = Extraction.content(["Content-Type: text/html", "", markup])
        #expect(content.segments.contains { $0.text.contains("deep") })
    }
}
