extension WordAutomatonBuilder {
    /// Additions in sorted order, with how many leading bytes each shares with the one
    /// before it (0 for the first), which finding runs of equal patterns needs and the sort knows.
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
            let scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
            let keys = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: count)
            // 0 counts patterns that end at the depth; byte b counts b + 1.
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 258)
            defer { scratch.deallocate(); keys.deallocate(); counts.deallocate() }
            order.withUnsafeMutableBufferPointer { order in
                common.withUnsafeMutableBufferPointer { common in
                    sort(order, common, scratch: scratch, keys: keys, counts: counts, bytes)
                }
            }
            return SortedAdditions(order: order, commonPrefix: common)
        }

        private func sort(
            _ order: UnsafeMutableBufferPointer<Int32>, _ common: UnsafeMutableBufferPointer<Int32>,
            scratch: UnsafeMutableBufferPointer<Int32>, keys: UnsafeMutableBufferPointer<UInt16>,
            counts: UnsafeMutableBufferPointer<Int>, _ bytes: UnsafeBufferPointer<UInt8>
        ) {
            // Ranges of `order` still to sort, each with the depth its members share.
            var pending: [(lower: Int, upper: Int, depth: Int)] = [(0, order.count, 0)]
            while let (lower, upper, depth) = pending.popLast() {
                if upper - lower <= Self.insertionLimit {
                    insertionSort(order, lower, upper, depth: depth, bytes)
                    for slot in (lower + 1)..<upper {
                        common[slot] = Int32(commonPrefix(order[slot - 1], order[slot], from: depth, bytes))
                    }
                    continue
                }
                // Every member but the range's first shares `depth` bytes with the one
                // before, except where a deeper pass finds more.
                for slot in (lower + 1)..<upper { common[slot] = Int32(depth) }
                var lowest = 256, highest = 0
                for slot in lower..<upper {
                    let key = bucket(order[slot], depth, bytes)
                    keys[slot] = UInt16(key)
                    lowest = min(lowest, key)
                    highest = max(highest, key)
                }
                if lowest == highest {
                    // One byte for all (a shared prefix): nothing moves.
                    if lowest != 0 { pending.append((lower, upper, depth + 1)) }
                    continue
                }
                for key in lowest...(highest + 1) { counts[key] = 0 }
                for slot in lower..<upper { counts[Int(keys[slot]) + 1] += 1 }
                for key in (lowest + 1)...(highest + 1) { counts[key] += counts[key - 1] }
                // counts[b] is now where bucket b starts (relative to `lower`).
                for slot in lower..<upper {
                    let key = Int(keys[slot])
                    scratch[lower + counts[key]] = order[slot]
                    counts[key] += 1
                }
                for slot in lower..<upper { order[slot] = scratch[slot] }
                // counts[b] is now where bucket b ends; bucket 0 (ended patterns) is all
                // one pattern of `depth` bytes, already in addition order.
                var bucketStart = lower + (lowest == 0 ? counts[0] : 0)
                for key in max(1, lowest)...highest {
                    let bucketEnd = lower + counts[key]
                    if bucketEnd - bucketStart > 1 { pending.append((bucketStart, bucketEnd, depth + 1)) }
                    bucketStart = max(bucketStart, bucketEnd)
                }
            }
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
        private func insertionSort(_ order: UnsafeMutableBufferPointer<Int32>, _ lower: Int, _ upper: Int, depth: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
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
