import ChaperoneModel
import Testing
@testable import Detectors

/// Found by the school-day corpus: a Username | Password table typed into plain text,
/// and a handle after "add me on snap, it's".
@Suite struct PlainTextTableAndLeadInTests {
    static func kinds(_ text: String) -> [DetectorKind] {
        StaffWordingTests.findings(text).map(\.detector)
    }

    @Test(arguments: [
        "Username | Password\nt.easby | Quartz!Maple-58\na.haigh | Lemon#Harbour-12",
        "| Login name | PIN |\n| jsmith | 4821 |",
        "Account|Pwd\nadmin|Heron77",
    ])
    func secretsInAPipeTable(text: String) {
        #expect(Self.kinds(text).contains(.credential), "\(text)")
    }

    @Test(arguments: [
        "Username | Password\nt.easby | reset\na.haigh | see below",  // instruction words, no secret
        "Event | Pass\nSwimming | merit",  // a result, not a secret
        "Username | Password\n\nt.easby | Quartz!Maple-58",  // a blank line ends the table
        "Password | Year\nreset at the office",  // no pipe row under the header
    ])
    func notSecretsInAPipeTable(text: String) {
        #expect(!Self.kinds(text).contains(.credential), "\(text)")
    }

    @Test(arguments: [
        "Add me on snap, it's tom_easby_fc",
        "add me on insta: tom.easby.art",
        "Add me on Snapchat, it is tomeasby22",
    ])
    func handlesAfterALeadIn(text: String) {
        #expect(Self.kinds(text).contains(.socialMedia), "\(text)")
    }

    @Test(arguments: [
        "Add me on snap, it's fine",  // not handle-shaped
        "Add me on snap, it's\ntom_easby_fc",  // across a line
    ])
    func notHandlesAfterALeadIn(text: String) {
        // "Add me on snap" itself is an invitation to connect (ContactInvitationTests);
        // what follows is no handle.
        let handles = StaffWordingTests.findings(text).filter { $0.detector == .socialMedia && !$0.evidence.hasPrefix("invitation") }
        #expect(handles.isEmpty, "\(text)")
    }
}
