import ChaperoneModel

/// The bytes of text read from each body part (the text shown as the message), counted
/// as segments go by, with the parts in the order their first segment came: what the
/// report's part list says of each body.
struct BodyTextTally {
    private(set) var bytes: [String: Int] = [:]
    private(set) var order: [String] = []

    mutating func add(_ segment: TextSegment) {
        guard segment.location.kind == .body else { return }
        let path = segment.location.partPath
        if bytes[path] == nil { order.append(path) }
        bytes[path, default: 0] += segment.text.utf8.count
    }
}
