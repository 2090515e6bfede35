import ChaperoneModel

/// Counts distinct pupils referenced in the whole message and in each attachment or
/// table, and reports every count that reaches the bulk threshold.
struct BulkCounter {
    private struct Group: Hashable {
        var kind: TextLocation.Kind
        var name: String
        var partPath: String
        var table: Int?
    }

    private var message = Set<String>()
    private var groups: [Group: Set<String>] = [:]
    private var order: [Group] = []
    private var locations: [Group: TextLocation] = [:]
    private var firstLocation: TextLocation?

    mutating func add(_ identity: String, segment: TextSegment) {
        message.insert(identity)
        if firstLocation == nil { firstLocation = segment.location }
        guard segment.location.isAttachment || segment.table != nil else { return }
        let group = Group(kind: segment.location.kind, name: segment.location.name,
                          partPath: segment.location.partPath, table: segment.table)
        if groups[group] == nil {
            order.append(group)
            var location = segment.location
            location.detail = segment.table.map { "table \($0 + 1)" }
            locations[group] = location
        }
        groups[group, default: []].insert(identity)
    }

    func findings(threshold: Int) -> [Finding] {
        let limit = max(1, threshold)
        var result: [Finding] = []
        var largest = 0
        for group in order {
            guard let members = groups[group], members.count >= limit, let location = locations[group] else { continue }
            result.append(finding(count: members.count, location: location))
            largest = max(largest, members.count)
        }
        let coveredByOneGroup = result.count == 1 && largest == message.count
        if message.count >= limit, !coveredByOneGroup, let firstLocation {
            result.append(finding(count: message.count, location: TextLocation(kind: firstLocation.kind,
                name: firstLocation.name, partPath: firstLocation.partPath, detail: "whole message")))
        }
        return result
    }

    private func finding(count: Int, location: TextLocation) -> Finding {
        Finding(detector: .bulkPupilData, location: location, evidence: "\(count) distinct pupils",
                confidence: 0.95, detail: "\(count)")
    }
}
