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

    private var message = Set<PupilReference.Identity>()
    /// Each group's position in `members` and `locations`, in the order first seen.
    private var groups: [Group: Int] = [:]
    private var members: [Set<PupilReference.Identity>] = []
    private var locations: [TextLocation] = []
    /// The group of the last reference: rows of one table come one after another, so
    /// most references find their group without hashing it.
    private var last: (group: Group, position: Int)?
    private var firstLocation: TextLocation?

    /// Counts the pupils `references` name in `segment`: its group (attachment or table)
    /// is found once for all of them.
    mutating func add(_ references: [PupilReference], segment: TextSegment) {
        guard !references.isEmpty else { return }
        for reference in references { message.insert(reference.identity) }
        if firstLocation == nil { firstLocation = segment.location }
        guard segment.location.isAttachment || segment.table != nil else { return }
        let group = Group(kind: segment.location.kind, name: segment.location.name,
                          partPath: segment.location.partPath, table: segment.table)
        let position: Int
        if let last, last.group == group {
            position = last.position
        } else if let known = groups[group] {
            position = known
        } else {
            position = members.count
            groups[group] = position
            members.append([])
            var location = segment.location
            location.detail = segment.table.map { "table \($0 + 1)" }
            locations.append(location)
        }
        last = (group, position)
        for reference in references { members[position].insert(reference.identity) }
    }

    func findings(threshold: Int) -> [Finding] {
        let limit = max(1, threshold)
        var result: [Finding] = []
        var largest = 0
        for (position, group) in members.enumerated() where group.count >= limit {
            result.append(finding(count: group.count, location: locations[position]))
            largest = max(largest, group.count)
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
