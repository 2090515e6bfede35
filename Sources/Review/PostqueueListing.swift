import Foundation

/// The output of `postqueue -j`: one JSON object per line, each with `queue_name`
/// (`active`, `deferred`, `hold`, …) and `queue_id`. Lines that do not parse are skipped.
struct PostqueueListing: Hashable, Sendable {
    private struct Entry: Decodable {
        var queueName: String
        var queueID: String

        enum CodingKeys: String, CodingKey {
            case queueName = "queue_name"
            case queueID = "queue_id"
        }
    }

    var heldQueueIDs: Set<String>

    init(jsonLines: [UInt8]) {
        let decoder = JSONDecoder()
        var held: Set<String> = []
        for line in jsonLines.split(separator: UInt8(ascii: "\n")) {
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else { continue }
            if entry.queueName == "hold" { held.insert(entry.queueID) }
        }
        heldQueueIDs = held
    }
}
