extension WordAutomatonBuilder {
    /// Additions in sorted order, with how many leading bytes each shares with the one
    /// before it (0 for the first), which the trie layout needs and the sort knows.
    struct SortedAdditions {
        var order: [Int32]
        var commonPrefix: [Int32]
    }

    /// Orders additions by pattern bytes (a pattern before every longer pattern it is a
    /// prefix of) and, for equal patterns, by when they were added: a most-significant-
    /// byte radix sort on integer positions, with stable counting passes, so no
    /// comparator ever runs over slices except in buckets too small to count. Where two
    /// neighbours part (a bucket boundary at depth d) their common prefix is d.
    struct AdditionSort {
        /// Buckets at most this large are finished by insertion sort.
        static let insertionLimit = 24

        let starts: [Int32]
        let lengths: [Int32]

        /// The additions' positions, sorted. `bytes` holds every pattern.
        func sorted(_ bytes: UnsafeBufferPointer<UInt8>) -> SortedAdditions {
            let count = starts.count
            var order = [Int32](0..<Int32(count))
            var common = [Int32](repeating: 0, count: count)
            guard count > 1 else { return SortedAdditions(order: order, commonPrefix: common) }
            var scratch = [Int32](repeating: 0, count: count)
            // 0 counts patterns that end at the depth; byte b counts b + 1.
            var counts = [Int](repeating: 0, count: 258)
            // Ranges of `order` still to sort, each with the depth its members share.
            var pending: [(lower: Int, upper: Int, depth: Int)] = [(0, count, 0)]
            while let (lower, upper, depth) = pending.popLast() {
                if upper - lower <= Self.insertionLimit {
                    insertionSort(&order, lower, upper, depth: depth, bytes)
                    for slot in (lower + 1)..<upper {
                        common[slot] = Int32(commonPrefix(order[slot - 1], order[slot], from: depth, bytes))
                    }
                    continue
                }
                for index in counts.indices { counts[index] = 0 }
                for slot in lower..<upper { counts[bucket(order[slot], depth, bytes) + 1] += 1 }
                for index in 1..<counts.count { counts[index] += counts[index - 1] }
                // counts[b] is now where bucket b starts (relative to `lower`).
                for slot in lower..<upper {
                    let member = order[slot]
                    let key = bucket(member, depth, bytes)
                    scratch[lower + counts[key]] = member
                    counts[key] += 1
                }
                for slot in lower..<upper { order[slot] = scratch[slot] }
                // counts[b] is now where bucket b ends; bucket 0 (ended patterns) is all
                // one pattern of `depth` bytes, already in addition order. Every member
                // but the range's first shares `depth` bytes with the one before, except
                // where a deeper pass finds more.
                for slot in (lower + 1)..<upper { common[slot] = Int32(depth) }
                var bucketStart = lower + counts[0]
                for key in 1..<257 {
                    let bucketEnd = lower + counts[key]
                    if bucketEnd - bucketStart > 1 { pending.append((bucketStart, bucketEnd, depth + 1)) }
                    bucketStart = bucketEnd
                }
            }
            return SortedAdditions(order: order, commonPrefix: common)
        }

        /// The common prefix of two patterns that agree on their first `depth` bytes.
        @inline(__always)
        private func commonPrefix(_ a: Int32, _ b: Int32, from depth: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let aStart = Int(starts[Int(a)]), bStart = Int(starts[Int(b)])
            let shorter = min(Int(lengths[Int(a)]), Int(lengths[Int(b)]))
            var offset = depth
            while offset < shorter, bytes[aStart + offset] == bytes[bStart + offset] { offset += 1 }
            return offset
        }

        @inline(__always)
        private func bucket(_ member: Int32, _ depth: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let index = Int(member)
            return depth < Int(lengths[index]) ? Int(bytes[Int(starts[index]) + depth]) + 1 : 0
        }

        /// Stable: equal patterns keep their order (which is addition order).
        private func insertionSort(_ order: inout [Int32], _ lower: Int, _ upper: Int, depth: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            guard upper - lower > 1 else { return }
            for slot in (lower + 1)..<upper {
                let member = order[slot]
                var hole = slot
                while hole > lower, precedes(member, order[hole - 1], depth: depth, bytes) {
                    order[hole] = order[hole - 1]
                    hole -= 1
                }
                order[hole] = member
            }
        }

        /// Pattern `a` sorts strictly before pattern `b`; both agree on their first `depth` bytes.
        @inline(__always)
        private func precedes(_ a: Int32, _ b: Int32, depth: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let aStart = Int(starts[Int(a)]), bStart = Int(starts[Int(b)])
            let aLength = Int(lengths[Int(a)]), bLength = Int(lengths[Int(b)])
            var offset = depth
            let shorter = min(aLength, bLength)
            while offset < shorter {
                let x = bytes[aStart + offset], y = bytes[bStart + offset]
                if x != y { return x < y }
                offset += 1
            }
            return aLength < bLength
        }
    }
}
