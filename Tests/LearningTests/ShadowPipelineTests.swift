import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// Shadow mode through the whole pipeline on the samples: with a rule in shadow, every
/// sample keeps exactly the action it has without it, and the sample the shadow rule
/// fires on records what that rule would have done.
@Suite struct ShadowPipelineTests {
    @Test func everySampleKeepsItsLiveActionAndTheShadowIsRecorded() throws {
        let original = try SampleStore.configurationText
        let shadowed = original.replacingOccurrences(of: "shadow: {}", with: "shadow: {8.pupil-name-outside: quarantine, 8.sensitive-to-partner: quarantine}")
        #expect(shadowed != original)
        let live = try SampleStore.runtime(original), shadow = try SampleStore.runtime(shadowed)
        var recorded: [String: ShadowOutcome] = [:]
        for message in try SampleStore.messages() {
            let without = try SampleStore.scan(message.bytes, live).0
            let with = try SampleStore.scan(message.bytes, shadow).0
            #expect(with.action == without.action, "\(message.name): shadow changed the live action")
            #expect(with.rules == without.rules, "\(message.name)")
            #expect(without.shadow == nil)
            if let outcome = with.shadow { recorded[message.name] = outcome }
        }
        let nameAlone = try #require(recorded["04-name-alone-to-club.eml"])
        let scanned = try SampleStore.scan(try SampleStore.messages().first { $0.name == "04-name-alone-to-club.eml" }!.bytes, shadow).0
        let json = ScanReportJSON(file: "04", report: scanned)
        #expect(ScanReportJSON.lineBytes(file: "04", report: scanned) == Array(json.jsonLine().utf8), "scan --json writes the shadow as the encoder does")
        #expect(json.jsonLine().contains(#""shadow":{"action":"quarantine","rules":[{"live_action":"accept","rule":"8.pupil-name-outside","shadow_action":"quarantine"}]}"#))
        #expect(nameAlone == ShadowOutcome(
            action: .quarantine, rules: [.init(rule: "8.pupil-name-outside", shadowAction: .quarantine, liveAction: .accept)]))
        #expect(recorded.values.contains { $0.rules.contains { $0.rule == "8.sensitive-to-partner" && $0.liveAction == .tag } },
                "a partner sample tagged live would be held in shadow")
    }
}
