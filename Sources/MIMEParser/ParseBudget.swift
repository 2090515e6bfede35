import ChaperoneModel

/// Counters shared by every scanner working on one message (including enclosed messages
/// that had to be decoded first), so part and decoded-byte limits apply to the whole.
struct ParseBudget {
    let limits: Limits
    var partCount = 0
    var decodedBytes = 0
    /// Limits already reported once for the whole message.
    var reported: Set<String> = []

    init(limits: Limits) {
        self.limits = limits
    }

    /// Takes one part from the budget; false (and reported once) when none are left.
    mutating func takePart(problems: inout [ScanProblem], location: String) -> Bool {
        guard partCount < limits.maxParts else {
            reportOnce("max_parts", into: &problems, location: location,
                       "More than \(limits.maxParts) MIME parts; the rest were read as the content of the last part.")
            return false
        }
        partCount += 1
        return true
    }

    /// How many of `wanted` decoded bytes may still be produced.
    mutating func grantDecoded(_ wanted: Int, problems: inout [ScanProblem], location: String) -> Int {
        let left = max(0, limits.maxDecodedBytes - decodedBytes)
        let granted = min(wanted, left)
        decodedBytes += granted
        if granted < wanted {
            reportOnce("max_decoded_bytes", into: &problems, location: location,
                       "Decoded content exceeds \(limits.maxDecodedBytes) bytes; the remainder was not decoded.")
        }
        return granted
    }

    mutating func reportOnce(_ key: String, into problems: inout [ScanProblem], location: String, _ message: String) {
        guard reported.insert(key).inserted else { return }
        problems.append(ScanProblem(kind: .limitHit, location: location, limit: key, message: message))
    }
}
