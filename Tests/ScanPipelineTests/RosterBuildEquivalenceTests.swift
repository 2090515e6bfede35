import ChaperoneModel
@testable import Detectors
import Foundation
@testable import Policy
import RosterImport
import Testing

/// The roster build with integer positions and byte buffers (radix-sorted patterns,
/// byte-keyed places, position union-find, surname groups) against the String-keyed
/// build it replaced (`ReferenceRosterIndexBuilder`, `ReferenceFamilies`,
/// `ReferenceHouseholds`): the same automaton state for state, the same entries and
/// tables, the same families and namesakes, on the sample roster and generated ones.
@Suite struct RosterBuildEquivalenceTests {
    static func sampleRoster() throws -> Roster {
        let bytes = try SamplePaths.bytes(SamplePaths.samples.appendingPathComponent("roster/pupils.csv"))
        return RosterImporter.importFiles([RosterSource(name: "pupils.csv", bytes: bytes)], staff: nil).roster
    }

    static func rosters() throws -> [(String, Roster)] {
        [("sample", try sampleRoster()), ("generated 3000", GeneratedRoster.make(pupils: 3_000, seed: 7)),
         ("generated 400", GeneratedRoster.make(pupils: 400, seed: 99)), ("empty", Roster())]
    }

    @Test func indexEqualsTheStringKeyedBuild() throws {
        for (name, roster) in try Self.rosters() {
            let terms = SpecialCategoryTerms.default
            let index = RosterIndex(roster: roster, terms: terms)
            var reference = ReferenceRosterIndexBuilder()
            for position in roster.students.indices { reference.addStudent(roster.students, at: position) }
            for (family, group) in terms.families.enumerated() {
                for term in group.terms { reference.addTerm(term, family: Int16(clamping: family)) }
            }
            #expect(index.studentByUPN == reference.upns, "\(name)")
            #expect(index.studentByULN == reference.ulns, "\(name)")
            let referenceAutomaton = reference.automaton.build()
            // Each pattern's entries, in the index's layout by pattern, are the reference's
            // entries that pattern's values number.
            #expect(index.entries.count == referenceAutomaton.valueList.count, "\(name)")
            for pattern in 0..<referenceAutomaton.patternCount {
                let expected = referenceAutomaton.values(of: pattern).map { reference.entries[Int($0)] }
                let laidOut = Array(index.entries(of: pattern))
                #expect(laidOut.count == expected.count, "\(name): pattern \(pattern)")
                for (new, old) in zip(laidOut, expected) {
                    #expect(new.kind == old.kind && new.student == old.student && new.owners == old.owners
                            && new.needsCapitals == old.needsCapitals && new.family == old.family && new.exactCase == old.exactCase,
                            "\(name): entry of pattern \(pattern) differs")
                }
            }
            Self.expectSame(index.automaton, referenceAutomaton, name)
            Self.expectReferenceOrderAndNumbering(reference.additions, index.automaton, name)
        }
    }

    /// The radix sort gives the comparator's order, and the automaton numbers patterns by
    /// first addition with each pattern's values in order, without repeats.
    static func expectReferenceOrderAndNumbering(_ additions: [(pattern: [UInt8], value: Int32)], _ automaton: WordAutomaton, _ name: String) {
        var bytes: [UInt8] = [], starts: [Int32] = [], lengths: [Int32] = []
        for addition in additions {
            starts.append(Int32(bytes.count))
            lengths.append(Int32(addition.pattern.count))
            bytes += addition.pattern
        }
        let sorted = bytes.withUnsafeBufferPointer { WordAutomatonBuilder.AdditionSort(starts: starts, lengths: lengths).sorted($0) }
        let order = ReferenceRosterIndexBuilder.referenceOrder(additions)
        #expect(sorted.order.map(Int.init) == order, "\(name): order")
        let common = order.indices.map { slot in
            slot == 0 ? 0 : Int32(zip(additions[order[slot - 1]].pattern, additions[order[slot]].pattern).prefix { $0 == $1 }.count)
        }
        #expect(sorted.commonPrefix == common, "\(name): common prefixes")
        var numbers: [[UInt8]: Int] = [:]
        var values: [[Int32]] = []
        var prefixes = Set<[UInt8]>()
        for addition in additions {
            let number = numbers[addition.pattern] ?? values.count
            if number == values.count { numbers[addition.pattern] = number; values.append([]) }
            if !values[number].contains(addition.value) { values[number].append(addition.value) }
            // A node per distinct word prefix (an empty word too, where separators double).
            for end in 0...addition.pattern.count where end == addition.pattern.count || addition.pattern[end] == NormalisedText.separator {
                prefixes.insert(Array(addition.pattern[..<end]))
            }
        }
        #expect(automaton.patternCount == values.count, "\(name)")
        #expect(automaton.stateCount == prefixes.count + 1, "\(name)")
        for (pattern, number) in numbers {
            #expect(Int(automaton.patternLengths[number]) == pattern.count && Array(automaton.values(of: number)) == values[number],
                    "\(name): pattern \(number)")
        }
    }

    static func expectSame(_ a: WordAutomaton, _ b: WordAutomaton, _ name: String) {
        #expect(a.slots == b.slots && a.firstWords == b.firstWords && a.starts == b.starts && a.nodes == b.nodes && a.wordBytes == b.wordBytes && a.patternLengths == b.patternLengths
                && a.valueStart == b.valueStart && a.valueList == b.valueList, "\(name): automata differ")
    }

    /// Hostile shapes for the sort: long shared prefixes, prefixes of each other, repeats,
    /// buckets above and below the insertion limit, bytes at both ends of the range.
    @Test(arguments: [1, 2, 3, 4, 5])
    func radixSortGivesTheComparatorOrder(seed: UInt64) {
        var random = GeneratedRoster.Random(seed: seed)
        let stems: [[UInt8]] = [[], Array(String(repeating: "a", count: 40).utf8), Array("smith jo".utf8), [0xFF, 0xFE], [1]]
        let additions: [(pattern: [UInt8], value: Int32)] = (0..<(200 + random.next(2_000))).map { index in
            var pattern = stems[random.next(stems.count)]
            for _ in 0..<random.next(12) { pattern.append([97, 98, 32, 0xC3, 0xFF, 1][random.next(6)]) }
            if pattern.isEmpty { pattern = [122] }
            return (pattern, Int32(index % 17))
        }
        var builder = WordAutomatonBuilder()
        for addition in additions { builder.add(addition.pattern, value: addition.value) }
        Self.expectReferenceOrderAndNumbering(additions, builder.build(), "seed \(seed)")
    }

    @Test func familiesAndNamesakesEqualTheStringKeyedTables() throws {
        for (name, roster) in try Self.rosters() {
            let families = RecipientFamilies(roster: roster), reference = ReferenceFamilies(roster: roster)
            let households = SurnameHouseholds(roster: roster), referenceHouseholds = ReferenceHouseholds(roster: roster)
            var keys = Set(roster.students.indices.map(roster.students.key(at:)))
            for contact in roster.contacts.indices {
                keys.formUnion(roster.contacts.pupilKeys(at: contact) + roster.contacts.restrictedPupilKeys(at: contact))
            }
            keys.insert("no-such-pupil")
            for (number, key) in keys.sorted().enumerated() {
                #expect(families.family(ofPupil: key) == reference.family(ofPupil: key), "\(name): family of \(key)")
                // Every key's family; one key in four's namesakes (each reads a whole surname group).
                guard number % 4 == 0 || key == "no-such-pupil" else { continue }
                #expect(HouseholdPupils(nodes: households.namesakeNodes(of: [key], families: families).namesakes).keys(on: roster)
                        == referenceHouseholds.namesakes(of: [key], families: reference), "\(name): namesakes of \(key)")
            }
            for contact in roster.contacts.indices {
                let children = roster.contacts.pupilKeys(at: contact)
                #expect(HouseholdPupils(nodes: households.namesakeNodes(of: children, families: families).namesakes).keys(on: roster)
                        == referenceHouseholds.namesakes(of: children, families: reference), "\(name): namesakes of a family")
            }
        }
    }
}
