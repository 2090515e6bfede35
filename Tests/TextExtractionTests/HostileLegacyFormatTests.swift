import ChaperoneModel
import Testing
@testable import TextExtraction

/// Every legacy-format reader, fed every truncation and seeded corruptions of real
/// documents, sector-chain cycles and looped directory trees, finishes without a crash
/// and never reports clean content it did not read.
@Suite struct HostileLegacyFormatTests {
    private func extract(_ bytes: [UInt8], as name: String) -> SegmentCollector {
        var collector = SegmentCollector(limits: Limits())
        let location = TextLocation.attachment(name, partPath: "2")
        if name.hasSuffix(".rtf") {
            RTFTextExtractor.extract(bytes, location: location, collector: &collector)
        } else {
            CompoundDocumentExtractor.extract(bytes, location: location, collector: &collector, textless: TextlessTypes())
        }
        return collector
    }

    @Test(arguments: [("legacy-word.doc", 7), ("legacy-excel.xls", 5), ("outlook-review.msg", 11),
                      ("legacy-powerpoint.ppt", 4093), ("writer.rtf", 3), ("legacy-word-password.doc", 13)])
    func truncationsAndMutationsFinish(fixture: String, step: Int) throws {
        let bytes = try LegacyFixture.bytes(fixture)
        var readable = 0
        let runs = LegacyFixture.hostileVariants(bytes, step: step, seed: UInt64(bytes.count)) { variant in
            let collector = extract(variant, as: fixture)
            if collector.problems.isEmpty { readable += 1 }
            if !fixture.hasSuffix(".rtf"), variant.count < 512 {
                #expect(collector.problems.first?.kind == .unscannable)
            }
        }
        #expect(runs > 200)
        #expect(readable > 0 || fixture.contains("password"))
    }

    @Test func sectorChainCycleIsDamage() throws {
        var bytes = try LegacyFixture.bytes("legacy-word.doc")
        var budget = Int.max
        let file = try CompoundFile(bytes, budget: &budget)
        let word = try #require(file.child(named: "WordDocument"))
        let start = Int(file.entries[word].start)
        let fatSector = Int(try #require(bytes.u32(at: 0x4C)))
        let slot = (fatSector + 1) * 512 + 4 * start
        for (index, byte) in [UInt8(start & 0xFF), UInt8(start >> 8 & 0xFF), 0, 0].enumerated() { bytes[slot + index] = byte }
        let collector = extract(bytes, as: "cycle.doc")
        #expect(collector.problems.map(\.kind) == [.unscannable])
        #expect(collector.problems.first?.message.contains("cycle") == true)
    }

    @Test func loopedDirectoryTreeEnds() throws {
        var bytes = try LegacyFixture.bytes("outlook-review.msg")
        var budget = Int.max
        let file = try CompoundFile(bytes, budget: &budget)
        let directoryStart = Int(try #require(bytes.u32(at: 0x30)))
        // Point every entry's left and right sibling at the root's first child.
        let child = file.entries[0].child
        for entry in 1..<min(file.entries.count, 4) {
            let offset = (directoryStart + 1) * 512 + 128 * entry
            for field in [68, 72] {
                for index in 0..<4 { bytes[offset + field + index] = UInt8(child >> (8 * UInt32(index)) & 0xFF) }
            }
        }
        _ = extract(bytes, as: "looped.msg")
        let reopened = try CompoundFile(bytes, budget: &budget)
        #expect(reopened.children(of: 0).count <= reopened.entries.count)
    }

    @Test func encryptedPresentationIsUnscannable() throws {
        var bytes = try LegacyFixture.bytes("legacy-powerpoint.ppt")
        // Rename the empty "Pictures" stream to "EncryptedSummary", as PowerPoint's encryption writes it.
        let old = Array("Pictures".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let new = Array("EncryptedSummary".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let at = try #require((0...(bytes.count - old.count)).first { Array(bytes[$0..<($0 + old.count)]) == old })
        bytes.replaceSubrange(at..<(at + new.count), with: new)
        bytes[at + 64] = UInt8(new.count + 2)
        let collector = extract(bytes, as: "group.ppt")
        #expect(collector.problems.map(\.kind) == [.unscannable])
        #expect(collector.problems.first?.message.contains("encrypted") == true)
        #expect(collector.segments.isEmpty)
    }
}
