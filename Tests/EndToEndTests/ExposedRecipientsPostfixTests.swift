import ChaperoneModel
import Foundation
import Store
import Testing

/// The Bcc mistake through a real Postfix with the production wiring (sample
/// configuration and roster, SQLite store, notices through Postfix): thirty families in
/// To and Cc are delivered to every recipient with the headers rewritten and the sender
/// told; with `hold` the message is held under §8; Bcc, one local-authority domain and
/// both parents of one pupil go out untouched.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct ExposedRecipientsPostfixTests {
    static let sender = "a.pickles@ralphthoresby.example"

    /// First contacts of thirty roster pupils of thirty different families (invented).
    static let parents = [
        "farah.okaforbrennan30@icloud.com", "helen.oneill25@hotmail.co.uk", "imran.parkersmythe36@outlook.com",
        "agnieszka.lumb46@hotmail.co.uk", "joanne.varley92@gmail.com", "agnieszka.kilbride95@gmail.com",
        "tariq.pickersgill92@live.co.uk", "claire.mensah88@hotmail.co.uk", "joanne.quarmby36@live.co.uk",
        "joanne.calloway98@yahoo.co.uk", "farah.ormerod90@btinternet.com", "nadia.adeyemi2@icloud.com",
        "mark.okonkwo15@btinternet.com", "tariq.ramsden38@outlook.com", "farah.hargreaves95@talktalk.net",
        "michelle.tattersall84@yahoo.co.uk", "gareth.rawcliffe24@icloud.com", "rachel.lockwood19@yahoo.co.uk",
        "sarah.dunmore79@live.co.uk", "mark.crabtree44@hotmail.co.uk", "joanne.mellor73@icloud.com",
        "agnieszka.naylor78@talktalk.net", "helen.greenhalgh73@talktalk.net", "joanne.hussain89@hotmail.co.uk",
        "tariq.featherstone68@yahoo.co.uk", "claire.mottram71@hotmail.co.uk", "imran.dewhirst25@talktalk.net",
        "paul.ackroyd80@yahoo.co.uk", "sarah.ashworth33@hotmail.co.uk", "paul.yeadon46@live.co.uk",
    ]

    /// The sender's notice quotes the message's id in In-Reply-To, so a marker search
    /// finds it too: the message itself is the delivery that is not an auto-reply.
    static func isNotice(_ delivered: String) -> Bool { delivered.contains("Auto-Submitted: auto-replied") }

    /// A trip reminder with `to` and `cc` header lines (each element one header) and a marker.
    static func message(to: [[String]], cc: [[String]] = [], marker: String) -> [UInt8] {
        var text = "From: Andrew Pickles <\(sender)>\r\n"
        for line in to { text += "To: " + line.joined(separator: ",\r\n ") + "\r\n" }
        text += "Subject: Year 8 trip on Friday\r\n"
        for line in cc { text += "Cc: " + line.joined(separator: ",\r\n ") + "\r\n" }
        text += "Date: Tue, 01 Dec 2026 08:05:00 +0000\r\nMessage-ID: <\(marker)@ralphthoresby.example>\r\n"
        text += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n"
        text += "Dear parents and carers,\r\n\r\nThe Year 8 trip leaves at 8.15 on Friday.\r\n\r\nAndrew Pickles\r\n\(marker)\r\n"
        return Array(text.utf8)
    }

    /// The header block of a delivered message.
    static func headers(_ message: String) -> String {
        String(message[..<(message.range(of: "\r\n\r\n")?.lowerBound ?? message.endIndex)])
    }

    @Test func thirtyFamiliesInToAndCcArriveEverywhereWithTheRecipientsHidden() async throws {
        try await ProductionPath.with { path in
            let parents = Self.parents
            let message = Self.message(
                to: [Array(parents[0..<10]), Array(parents[20..<30])], cc: [Array(parents[10..<20])], marker: "BCC-REWRITE-1")
            #expect(try await path.submit(message, from: Self.sender, to: parents).code == 250)
            let delivered = try #require(try await path.poll { path.delivered(containing: "BCC-REWRITE-1").first { !Self.isNotice($0) } }, "\(path.postfix.log)")
            let headers = Self.headers(delivered)
            for parent in parents { #expect(!headers.contains(parent), "\(parent) still in the headers") }
            #expect(headers.contains("To: undisclosed-recipients:;"), "\(headers)")
            #expect(!headers.lowercased().contains("\r\ncc:"))
            #expect(headers.contains("X-Chaperone: accept; recipients-rewritten; id=CH-"))
            // Every envelope recipient still received it.
            let log = try #require(try await path.poll {
                let log = path.postfix.log
                return parents.allSatisfy { log.contains("to=<\($0)>") && log.contains("status=sent") } ? log : nil
            })
            for parent in parents {
                #expect(log.split(separator: "\n").contains { $0.contains("to=<\(parent)>") && $0.contains("status=sent") })
            }
            let notice = try #require(try await path.poll {
                path.delivered(containing: "Auto-Submitted: auto-replied").first { $0.contains("To: \(Self.sender)") || $0.contains("<\(Self.sender)>") }
            }, "no notice: \(path.postfix.log)")
            #expect(notice.contains("delivered with the recipients hidden"))
            #expect(notice.contains("30 families or organisations"))
            for parent in parents { #expect(!notice.contains(parent)) }
            let decision = try #require(try await path.poll {
                try await path.database.decisions(matching: DecisionFilter(sender: Self.sender)).first
            })
            #expect(decision.record.report.findings.contains { $0.detector == .exposedRecipients && $0.detail == "applied=rewrite" })
        }
    }

    @Test func withHoldTheMessageIsHeldUnderSectionEight() async throws {
        try await ProductionPath.with(configure: { $0.exposedRecipients.action = .hold }) { path in
            let message = Self.message(to: [Self.parents], marker: "BCC-HOLD-2")
            #expect(try await path.submit(message, from: Self.sender, to: Self.parents).code == 250)
            let decision = try #require(try await path.poll {
                try await path.database.decisions(matching: DecisionFilter(sender: Self.sender)).first
            }, "\(path.postfix.log)")
            #expect(decision.record.report.action == .quarantine)
            #expect(decision.record.report.sections == [.confidentiality])
            #expect(decision.record.report.findings.contains { $0.detector == .exposedRecipients && $0.detail == "applied=hold" })
            // The sender is told it was held (the notice refers to the message by its id);
            // the message itself reached nobody.
            let notice = try #require(try await path.poll {
                path.delivered(containing: "Auto-Submitted: auto-replied").first { $0.contains("In-Reply-To: <BCC-HOLD-2@") }
            }, "no notice: \(path.postfix.log)")
            #expect(notice.contains("Subject: Your email was held: Confidentiality and Security"))
            for parent in Self.parents { #expect(!notice.contains(parent)) }
            #expect(path.delivered(containing: "BCC-HOLD-2").allSatisfy { $0.contains("Auto-Submitted: auto-replied") })
        }
    }

    @Test func bccOneLocalAuthorityAndBothParentsOfOnePupilGoOutUntouched() async throws {
        try await ProductionPath.with { path in
            let colleagues = ["admissions.team", "j.holroyd", "s.baxter", "transport.officer", "m.fenwick", "r.akhtar"].map { "\($0)@leeds.gov.uk" }
            let bothParents = ["farah.okaforbrennan30@icloud.com", "emma.okaforbrennan72@icloud.com"]
            let cases: [(marker: String, headerTo: [String], envelope: [String])] = [
                ("BCC-UNTOUCHED-3", [Self.sender], Self.parents),
                ("BCC-UNTOUCHED-4", colleagues, colleagues),
                ("BCC-UNTOUCHED-5", bothParents, bothParents),
            ]
            for item in cases {
                let message = Self.message(to: [item.headerTo], marker: item.marker)
                #expect(try await path.submit(message, from: Self.sender, to: item.envelope).code == 250)
                let delivered = try #require(try await path.poll { path.delivered(containing: item.marker).first { !Self.isNotice($0) } }, "\(path.postfix.log)")
                let headers = Self.headers(delivered)
                #expect(headers.contains("To: " + item.headerTo.joined(separator: ",\r\n ")), "\(headers)")
                #expect(headers.contains("X-Chaperone: accept; id=CH-"))
                #expect(!headers.contains("undisclosed-recipients"))
            }
        }
    }
}
