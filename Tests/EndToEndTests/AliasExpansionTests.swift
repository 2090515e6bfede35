import ChaperoneModel
import Foundation
import Testing

/// Recipient expansion through a real Postfix whose `virtual_alias_maps` are a hash and
/// a texthash map: the milter sees the envelope before Postfix expands it (smtpd and
/// sendmail alike), Chaperone expands it the way Postfix will, and policy judges the
/// addresses the message really reaches. Serialized: each test runs its own Postfix.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct AliasExpansionTests {
    static let senList = "02-internal-sen-list.eml"

    @Test func aPupilListToAListReachingPersonalWebmailIsHeldNamingTheList() async throws {
        try await AliasExpansionPath.with { path in
            let reply = try await path.submit(sample: Self.senList, to: "governors@ralphthoresby.example")
            #expect(reply.code == 250, "\(reply.text)")
            let seen = try #require(try await path.poll { path.seen.all.first })
            // What the milter is given: the address the sender wrote, not Postfix's expansion.
            #expect(seen.envelope.recipients == ["governors@ralphthoresby.example"])
            #expect(seen.report.action == .quarantine)
            #expect(seen.report.recipients.map(\.address) == ["clerk@ralphthoresby.example", "pat.oyelaran.gov@gmail.com"])
            #expect(seen.report.explanation.contains("governors@ralphthoresby.example (a list that reaches 1 personal email address)"),
                    "\(seen.report.explanation)")
            #expect(try await path.poll { path.store.quarantinedIDs.isEmpty ? nil : true } == true)
            #expect(path.sink.messages.isEmpty)
        }
    }

    @Test func theSameToAListOfInternalAddressesIsDeliveredToEveryMember() async throws {
        try await AliasExpansionPath.with { path in
            let reply = try await path.submit(sample: Self.senList, to: "year9-tutors@ralphthoresby.example")
            #expect(reply.code == 250, "\(reply.text)")
            #expect(try await path.poll { path.sink.messages.isEmpty ? nil : true } == true, "\(path.postfix.log)")
            let seen = try #require(path.seen.all.first)
            #expect(seen.report.action == .accept)
            #expect(Set(seen.report.recipients.map(\.address)) == ["h.marsh@ralphthoresby.example", "a.pickles@ralphthoresby.example"])
            // Postfix expanded it after the milter: each member delivered, the list as orig_to.
            let delivered = try await path.poll {
                path.postfix.log.contains("to=<a.pickles@ralphthoresby.example>, orig_to=<year9-tutors@ralphthoresby.example>") ? true : nil
            }
            #expect(delivered == true, "\(path.postfix.log)")
        }
    }

    @Test func sendmailSubmissionsAreSeenBeforeExpansionToo() async throws {
        try await AliasExpansionPath.with { path in
            try path.sendmail(sample: Self.senList, to: "governors@ralphthoresby.example")
            let seen = try #require(try await path.poll { path.seen.all.first }, "\(path.postfix.log)")
            #expect(seen.envelope.recipients == ["governors@ralphthoresby.example"])
            #expect(seen.report.action == .quarantine)
            #expect(seen.report.recipients.contains { $0.address == "pat.oyelaran.gov@gmail.com" && $0.list == "governors@ralphthoresby.example" })
        }
    }

    /// Postfix's cleanup(8) finds the loop itself while the envelope is written, before
    /// the end of data, and answers 451 4.6.0 ("unreasonable virtual_alias_maps map
    /// nesting"), so no looping message reaches the milter's scan. Chaperone's own
    /// expansion, querying the same Postfix (as `chaperone scan --postfix-config` does),
    /// stops the loop and reports it.
    @Test func anAliasLoopIsStoppedAndReported() async throws {
        try await AliasExpansionPath.with { path in
            let reply = try await path.submit(sample: "01-internal-staff-note.eml", to: "loop-a@ralphthoresby.example")
            #expect(reply.code == 451, "\(reply.text)")
            #expect(reply.text.contains("4.6.0"), "\(reply.text)")
            #expect(path.sink.messages.isEmpty)
            let expanded = try path.expander.expand(Envelope(sender: "s.whitfield@ralphthoresby.example", recipients: ["loop-a@ralphthoresby.example"]))
            let loop = try #require(expanded.expansion?.problems.first { $0.kind == .aliasLoop })
            #expect(loop.message.contains("loop-a@ralphthoresby.example → loop-b@ralphthoresby.example → loop-a@ralphthoresby.example"))
            #expect(expanded.expansion?.recipients.map(\.address) == ["loop-a@ralphthoresby.example"])
            #expect(path.postfix.log.contains("unreasonable virtual_alias_maps map nesting for loop-a@ralphthoresby.example"))
        }
    }
}
