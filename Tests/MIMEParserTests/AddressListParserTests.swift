import Testing
@testable import MIMEParser

@Suite struct AddressListParserTests {
    @Test func displayNamesAndBareAddresses() {
        let list = AddressListParser.parse("\"Head, Teacher\" <Head@Example.SCH.UK>, clerk@Example.org, Ann Owl <ann@x.test>")
        #expect(list.map(\.addrSpec) == ["Head@example.sch.uk", "clerk@example.org", "ann@x.test"])
        #expect(list.map(\.displayName) == ["Head, Teacher", nil, "Ann Owl"])
    }

    @Test func groupsAndEmptyGroups() {
        let list = AddressListParser.parse("Governors: a@one.test, B <b@two.test>; undisclosed-recipients:;, c@three.test")
        #expect(list.map(\.addrSpec) == ["a@one.test", "b@two.test", "c@three.test"])
        #expect(list.map(\.group) == ["Governors", "Governors", nil])
    }

    @Test func commentsAndCommentAsDisplayName() {
        let list = AddressListParser.parse("pat@site.test (Pat (the) Parent), <(odd) kim@site.test>")
        #expect(list.first?.displayName == "Pat (the) Parent")
        #expect(list.map(\.addrSpec) == ["pat@site.test", "kim@site.test"])
    }

    @Test func quotedLocalParts() {
        let list = AddressListParser.parse("\"john smith\"@Example.COM, \"plain\"@x.test")
        #expect(list.map(\.addrSpec) == ["\"john smith\"@example.com", "plain@x.test"])
    }

    @Test func encodedDisplayNameAndObsoleteRoute() {
        let list = AddressListParser.parse("=?utf-8?q?Zo=C3=AB?= <@relay.test:zoe@Home.Test>")
        #expect(list.first?.displayName == "Zoë")
        #expect(list.first?.addrSpec == "zoe@home.test")
        #expect(list.first?.domain == "home.test")
    }

    @Test func garbageGivesNoAddressesAndNoCrash() {
        #expect(AddressListParser.parse("<<<>>>,,,;;:@@").isEmpty)
        #expect(AddressListParser.parse("not an address").isEmpty)
        #expect(AddressListParser.addrSpecs("x@[192.0.2.1]") == ["x@[192.0.2.1]"])
    }
}
