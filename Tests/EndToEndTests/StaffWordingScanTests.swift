import Foundation
import Testing

/// Issue 10 wordings through `chaperone scan --json` with the sample configuration and
/// roster: every new form positive and negative, one message each, one scan for all.
/// Pupils are the invented ones of samples/roster/pupils.csv.
@Suite struct StaffWordingScanTests {
    struct Case {
        var name: String
        var to: String
        var body: String
        var html = false
        var action: String
        var sections: [String]
    }

    static let club = "coach@leedsharriers.example", supplier = "support@timetable-software.example"
    static let pupil = "knowak@pupils.ralphthoresby.example", travel = "bookings@coach-travel.example"
    static let otherParent = "helen.oneill25@hotmail.co.uk", ownParent = "claire.rahman37@outlook.com"

    static let cases: [Case] = [
        // Names.
        Case(name: "middle-name", to: club, body: "Sienna Rose Varley is autistic.", action: "quarantine", sections: ["8"]),
        Case(name: "middle-initial", to: club, body: "Sienna R. Varley is autistic.", action: "quarantine", sections: ["8"]),
        Case(name: "sims-order", to: club, body: "VARLEY Sienna is autistic.", action: "quarantine", sections: ["8"]),
        Case(name: "name-column", to: club, body: "<table><tr><th>Name</th><th>Need</th></tr><tr><td>Varley Sienna</td><td>autistic</td></tr></table>",
             html: true, action: "quarantine", sections: ["8"]),
        Case(name: "initial-group", to: club, body: "Y. Quarmby (9F) is dyslexic.", action: "quarantine", sections: ["8"]),
        Case(name: "initial-no-group", to: club, body: "Y. Quarmby is dyslexic.", action: "accept", sections: []),
        Case(name: "initial-shared", to: club, body: "A. Rahman (10C) is dyslexic.", action: "accept", sections: []),
        Case(name: "comma-list", to: club, body: "Sienna, Grace, Varley: all three are autistic.", action: "accept", sections: []),
        Case(name: "reversed-prose", to: club, body: "Varley Sienna is autistic.", action: "accept", sections: []),
        Case(name: "lone-forename", to: club, body: "Sienna is autistic.", action: "accept", sections: []),
        Case(name: "not-name-column", to: club, body: "<table><tr><th>Notes</th><th>Need</th></tr><tr><td>Varley Sienna</td><td>autistic</td></tr></table>",
             html: true, action: "accept", sections: []),
        // Special-category terms.
        Case(name: "medical-other-parent", to: otherParent, body: "Thank you for the medical evidence you provided for Ali Rahman.",
             action: "quarantine", sections: ["8"]),
        Case(name: "medical-own-parent", to: ownParent, body: "Thank you for the medical evidence you provided for Ali Rahman.",
             action: "accept", sections: []),
        Case(name: "medical-internal", to: "s.whitfield@ralphthoresby.example",
             body: "Ali Rahman's medical evidence is in the office; he has asthma.", action: "accept", sections: []),
        Case(name: "asthma-window", to: club, body: "Rose Hill came on the trip and was fine all day, and ate her lunch early.\n\nShe has asthma.",
             action: "quarantine", sections: ["8"]),
        // Credentials.
        Case(name: "password-no-colon", to: supplier, body: "The admin password BlueKestrel-33# works now.", action: "quarantine", sections: ["7"]),
        Case(name: "password-dash", to: supplier, body: "Password - Kestrel33!", action: "quarantine", sections: ["7"]),
        Case(name: "pass-colon", to: supplier, body: "user tt-admin, pass: Kestrel33!", action: "quarantine", sections: ["7"]),
        Case(name: "login-pass-table", to: supplier, body: "<table><tr><th>Login</th><th>Pass</th></tr><tr><td>tt-admin</td><td>Kestrel33!</td></tr></table>",
             html: true, action: "quarantine", sections: ["7"]),
        Case(name: "reset-link", to: supplier, body: "Please reset your password at the link we sent.", action: "accept", sections: []),
        Case(name: "password-rule", to: supplier, body: "Your password must be 8 characters.", action: "accept", sections: []),
        // Social media and contact.
        Case(name: "my-snapchat", to: pupil, body: "my Snapchat is tomh_pe", action: "quarantine", sections: ["3", "4"]),
        Case(name: "add-me-insta", to: pupil, body: "add me on insta tom.hpe", action: "quarantine", sections: ["3", "4"]),
        Case(name: "im-on-tiktok", to: pupil, body: "I'm tom.h_pe on TikTok", action: "quarantine", sections: ["3", "4"]),
        Case(name: "discord", to: pupil, body: "discord: tomh#1234", action: "quarantine", sections: ["3", "4"]),
        Case(name: "whatsapp-me", to: pupil, body: "WhatsApp me on 07700 900461", action: "quarantine", sections: ["3", "4"]),
        Case(name: "wa-me", to: pupil, body: "https://wa.me/447700900461", action: "quarantine", sections: ["3", "4"]),
        Case(name: "official-account", to: pupil, body: "Results go on our PE account: follow @RalphThoresbyPE on Instagram.",
             action: "accept", sections: []),
        Case(name: "snapchat-warning", to: pupil, body: "Remember the snapchat is dangerous for young children.", action: "accept", sections: []),
        // UPN look-alikes.
        Case(name: "booking-reference", to: travel, body: "Booking reference D936100225431, 52 seats.", action: "accept", sections: []),
        Case(name: "order-number", to: travel, body: "Your order D936100225431 has been confirmed.", action: "accept", sections: []),
        Case(name: "unissued-la", to: travel, body: "Pupil L999100225431 joins on Monday.", action: "accept", sections: []),
        Case(name: "bare-upn", to: travel, body: "Pupil D936100225431 joins on Monday.", action: "quarantine", sections: ["8"]),
        Case(name: "roster-upn-as-ref", to: travel, body: "Booking ref R383432125004", action: "quarantine", sections: ["8"]),
    ]

    static func message(_ item: Case, number: Int) -> String {
        """
        From: Tom Hargreaves <t.hargreaves@ralphthoresby.example>\r
        To: <\(item.to)>\r
        Subject: Note\r
        Date: Tue, 24 Nov 2026 09:00:00 +0000\r
        Message-ID: <wording-\(number)@ralphthoresby.example>\r
        MIME-Version: 1.0\r
        Content-Type: text/\(item.html ? "html" : "plain"); charset="utf-8"\r
        Content-Transfer-Encoding: 8bit\r
        \r
        \(item.body.replacingOccurrences(of: "\n", with: "\r\n"))\r

        """
    }

    @Test func everyWordingGetsItsVerdictAndSections() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (number, item) in Self.cases.enumerated() {
            try Self.message(item, number: number).write(to: directory.appendingPathComponent(item.name + ".eml"), atomically: true, encoding: .utf8)
        }
        let run = try ScanCommandTests.scan(["--json", "--config", "samples/chaperone.yaml", directory.path])
        var verdicts: [String: (String, [String])] = [:]
        for line in run.output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = URL(fileURLWithPath: try #require(object["file"] as? String)).deletingPathExtension().lastPathComponent
            verdicts[file] = (object["action"] as? String ?? "", (object["sections"] as? [String]) ?? [])
        }
        for item in Self.cases {
            let verdict = try #require(verdicts[item.name], "\(item.name) not scanned: \(run.errors)")
            #expect(verdict.0 == item.action && verdict.1 == item.sections,
                    "\(item.name): \(verdict.0) \(verdict.1), expected \(item.action) \(item.sections)")
        }
    }
}
