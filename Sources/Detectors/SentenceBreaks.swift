/// Sentence boundaries in a segment's bytes: after `.`, `!` or `?` followed by
/// whitespace, and at blank lines. Used to decide "same sentence" for proximity.
struct SentenceBreaks {
    private let starts: [Int]
    private let length: Int

    init(_ bytes: [UInt8]) {
        length = bytes.count
        var starts = [0]
        var index = 0
        while index + 1 < bytes.count {
            let byte = bytes[index], next = bytes[index + 1]
            let isTerminator = byte == 46 || byte == 33 || byte == 63
            let nextIsSpace = next == 32 || next == 10 || next == 13 || next == 9
            if (isTerminator && nextIsSpace) || (byte == 10 && (next == 10 || (next == 13 && index + 2 < bytes.count && bytes[index + 2] == 10))) {
                starts.append(index + 1)
            }
            index += 1
        }
        self.starts = starts
    }

    /// The sentence number containing `offset`.
    func sentence(at offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The byte range of sentence `number`.
    func bounds(ofSentence number: Int) -> Range<Int> {
        let start = starts.indices.contains(number) ? starts[number] : length
        let end = starts.indices.contains(number + 1) ? starts[number + 1] : length
        return start..<max(start, end)
    }
}
