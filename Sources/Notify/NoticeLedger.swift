/// The decision ids and Message-IDs explained recently, so that one message never
/// produces a second notice (a retried delivery, a second envelope for the same
/// message). Bounded: the oldest keys are forgotten first.
struct NoticeLedger {
    /// Keys remembered (`notifications` sends far fewer per day than this).
    static let capacity = 50_000

    private var keys: Set<String> = []
    private var order: [String] = []
    private var head = 0

    /// Records the keys and returns true when none was seen before.
    mutating func claim(_ candidateKeys: [String]) -> Bool {
        guard !candidateKeys.contains(where: keys.contains) else { return false }
        for key in candidateKeys {
            keys.insert(key)
            order.append(key)
        }
        while keys.count > Self.capacity, head < order.count {
            keys.remove(order[head])
            head += 1
        }
        if head > Self.capacity {
            order.removeFirst(head)
            head = 0
        }
        return true
    }

    /// Forgets keys whose notice could not be sent, so that a later attempt may send it.
    mutating func release(_ candidateKeys: [String]) {
        for key in candidateKeys { keys.remove(key) }
    }
}
