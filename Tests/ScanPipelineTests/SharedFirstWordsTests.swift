import ChaperoneModel
@testable import Detectors
@testable import ScanPipeline
import Testing

/// A trust's schools read one first-word filter, built from every school's own; a
/// single school keeps its own.
@Suite struct SharedFirstWordsTests {
    @Test func everySchoolOfTheTrustReadsTheFilterOfAllTheirFirstWords() throws {
        let configuration = try TrustRuntime.configuration()
        let loaded = try TrustRuntime.loaded(configuration)
        #expect(loaded.count > 1)
        let trust = SchoolPipelines(configuration: configuration, loaded: loaded)
        let shared = SharedFirstWords(loaded.map(\.pipeline.detection))
        let expected = shared.blocks
        for (school, own) in zip(trust.schools, loaded) {
            let readsTheShared = school.pipeline.detection.index.automaton.firstWords == expected
            #expect(readsTheShared, "\(school.name) reads its own first-word filter, not the trust's")
            let readsTheSharedStarts = school.pipeline.detection.index.automaton.starts == shared.starts
            #expect(readsTheSharedStarts, "\(school.name) reads its own filter of pattern starts, not the trust's")
            // Only the filter differs: the school's own tables are the ones it was built with.
            #expect(school.pipeline.detection.index.automaton.slots == own.pipeline.detection.index.automaton.slots)
            #expect(school.pipeline.roster.students.count == own.pipeline.roster.students.count)
        }
        // Every school's first words are in the shared filter.
        for own in loaded {
            var hashes: [UInt64] = []
            own.pipeline.detection.index.automaton.appendFirstWordHashes(to: &hashes)
            #expect(!hashes.isEmpty)
            for hash in hashes {
                let (block, bits) = WordAutomaton.filterBits(hash, mask: expected.count - 1)
                #expect(expected[block] & bits == bits)
            }
            var starts: [UInt64] = []
            own.pipeline.detection.index.automaton.appendStartKeys(to: &starts)
            #expect(!starts.isEmpty)
            let missing = starts.filter { key in
                let (block, bits) = WordAutomaton.filterBits(key, mask: shared.starts.count - 1)
                return shared.starts[block] & bits != bits
            }
            #expect(missing.isEmpty, "\(missing.count) of a school's pattern starts are not in the trust's filter")
        }
    }

    @Test func aSingleSchoolKeepsItsOwnFilter() throws {
        let configuration = try TrustRuntime.configuration()
        let first = try TrustRuntime.loaded(configuration)[0]
        let single = SchoolPipelines(single: first.pipeline)
        #expect(single.schools[0].pipeline.detection.index.automaton.firstWords == first.pipeline.detection.index.automaton.firstWords)
        #expect(single.schools[0].pipeline.detection.index.automaton.starts == first.pipeline.detection.index.automaton.starts)
    }
}
