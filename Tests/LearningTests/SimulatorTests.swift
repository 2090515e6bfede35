import ChaperoneModel
import Foundation
@testable import Learning
import ScanPipeline
import Store
import Testing

/// `simulate` on a store filled from the samples reports exactly the changes a
/// configuration edit implies: the same decisions, from and to the same actions, as a
/// fresh scan of every sample under the edited configuration. Held samples are replayed
/// from their stored copies, the others from their recorded findings.
@Suite struct SimulatorTests {
    @Test func simulatingAnEditReportsWhatAFreshScanUnderItChanges() async throws {
        let original = try SampleStore.configurationText
        // Names alone to outside organisations are held; a private clinic becomes a partner.
        let edited = original
            .replacingOccurrences(of: "pupil_name_outside: accept", with: "pupil_name_outside: quarantine")
            .replacingOccurrences(of: "partner_domains: [leeds.gov.uk, nhs.net]", with: "partner_domains: [leeds.gov.uk, nhs.net, private-clinic.example]")
        #expect(edited != original)
        let before = try SampleStore.runtime(original), after = try SampleStore.runtime(edited)
        let directory = try LearningDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.path + "/chaperone.sqlite")
        let recorder = SQLiteDecisionStore(database: database, mailHost: "mx1")
        let decidedAt = Date()
        var expected: [String: (Action, Action)] = [:]
        var held = 0
        var names: [String: String] = [:]
        for message in try SampleStore.messages() {
            let (report, envelope) = try SampleStore.scan(message.bytes, before)
            names[report.decisionID] = message.name
            let record = DecisionRecord(report: report, envelope: envelope, decidedAt: decidedAt, configVersion: "before")
            if report.action == .quarantine {
                try await recorder.recordQuarantine(record, rawMessage: message.bytes)
                held += 1
            } else {
                try await recorder.record(record)
            }
            let fresh = try SampleStore.scan(message.bytes, after).0
            if fresh.action != report.action { expected[report.decisionID] = (report.action, fresh.action) }
        }
        #expect(expected.values.contains { $0 == (.accept, .quarantine) }, "the edit newly holds a sample")
        #expect(expected.values.contains { $0 == (.quarantine, .tag) }, "the edit newly releases a sample")

        let expander = after.expander
        let report = try await Simulator(pipelines: after.pipelines, store: database, actor: "test") { envelope in
            try expander?.expand(envelope) ?? envelope
        }.run(since: decidedAt.addingTimeInterval(-60))
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.replayedCopies == held)
        let sampleCount = try SampleStore.messages().count
        #expect(report.replayedCopies + report.redecidedFromFindings == sampleCount)
        let simulated = Dictionary(uniqueKeysWithValues: report.changes.map { ($0.decisionID, ($0.before, $0.after)) })
        #expect(simulated.keys.sorted() == expected.keys.sorted(), "\(report.changes) \(names)")
        for (id, change) in expected { #expect(simulated[id].map { $0 == change } == true, "\(id)") }

        let newlyHeld = report.rules.first { $0.rule == "8.pupil-name-outside" }
        #expect(newlyHeld?.section == "8")
        #expect(Set(newlyHeld?.newlyHeld ?? []) == Set(expected.filter { $0.value == (.accept, .quarantine) }.keys))
        let released = report.rules.first { $0.rule == "8.sensitive-to-outside" }
        #expect(Set(released?.newlyReleased ?? []) == Set(expected.filter { $0.value.0 >= .quarantine && $0.value.1 <= .tag }.keys))
    }
}
