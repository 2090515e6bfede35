import Foundation
@testable import ReviewUI
import Testing

/// The pure parts of the web app: the bounded form parser, the charts' escaping, dates.
@Suite struct ViewPartsTests {
    @Test func formsKeepRepeatedFieldsAndDecodePercentAndPlus() throws {
        let form = try #require(FormFields(body: "id=CH-1&id=CH-2&reason=sent+in+error%21&csrf=ab"))
        #expect(form.all("id") == ["CH-1", "CH-2"])
        #expect(form["reason"] == "sent in error!")
        #expect(form.text("missing") == nil)
    }

    @Test func hostileFormsAreRefusedNotTrusted() {
        #expect(FormFields(body: "a=%ZZ") == nil)
        #expect(FormFields(body: String(repeating: "a=b&", count: FormFields.maxFields + 1)) == nil)
        #expect(FormFields(body: "a=" + String(repeating: "x", count: FormFields.maxBytes)) == nil)
        #expect(FormFields(body: "")?.pairs.isEmpty == true)
    }

    @Test func chartLabelsAreEscaped() {
        let svg = SVGChart.horizontalBars(title: "t<&>", rows: [(label: "<script>", value: 1)], label: { String($0) })
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
    }

    @Test func datesAreUTCDays() {
        #expect(ViewFormatting.day(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18")
        #expect(ViewFormatting.time(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
        #expect(ViewFormatting.day(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
    }

    @Test func decisionIDsAreTheOnlyIDsAccepted() {
        #expect(DecisionActions.isDecisionID("CH-20261124-7Q3K9X2M"))
        #expect(!DecisionActions.isDecisionID("CH-1'; DROP"))
        #expect(!DecisionActions.isDecisionID("../etc"))
    }

    @Test func passwordRules() {
        #expect(PasswordHasher.problem(with: "short") != nil)
        #expect(PasswordHasher.problem(with: String(repeating: "é", count: 40)) != nil)  // 80 bytes
        #expect(PasswordHasher.problem(with: "twelve chars") == nil)
    }
}
