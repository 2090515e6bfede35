import ChaperoneModel
import Foundation
import SeededRandom
import Testing
@testable import TextExtraction

/// Fixtures made by real software (see `Fixtures/LEGACY-FIXTURES.md` for each command),
/// and how tests read them as attachments.
enum LegacyFixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The content of a message carrying `bytes` as the attachment `filename`.
    static func attached(_ bytes: [UInt8], filename: String, type: String = "application/octet-stream",
                         limits: Limits = Limits()) -> MessageContent {
        Extraction.content(StoredZip.message(attaching: bytes, filename: filename, type: type), limits: limits)
    }

    /// Runs `body` on every prefix of `bytes` (at `step` granularity) and on seeded
    /// mutations: each must finish; returns how many variants were run.
    static func hostileVariants(_ bytes: [UInt8], step: Int, seed: UInt64, mutations: Int = 200,
                                _ body: ([UInt8]) -> Void) -> Int {
        var runs = 0
        for length in stride(from: 0, through: bytes.count, by: max(1, step)) {
            body(Array(bytes.prefix(length)))
            runs += 1
        }
        var generator = SplitMix64(state: seed)
        for _ in 0..<mutations {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...16, using: &generator) {
                mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            body(mutated)
            runs += 1
        }
        return runs
    }
}
