/// The older stream filters some producers and scanners still write: LZWDecode
/// (9–12-bit codes, early change) and RunLengthDecode. Both stop at `budget` output
/// bytes and say so, as Flate does.
enum PDFLegacyFilters {
    static func lzwDecoded(_ input: [UInt8], earlyChange: Bool = true, budget: Int) -> (bytes: [UInt8], exceeded: Bool) {
        var table: [[UInt8]] = (0..<256).map { [UInt8($0)] } + [[], []]
        var output: [UInt8] = []
        var previous: [UInt8]?
        var codeWidth = 9
        var buffer: UInt32 = 0
        var bits = 0
        var index = 0
        while true {
            while bits < codeWidth, index < input.count {
                buffer = buffer << 8 | UInt32(input[index])
                bits += 8
                index += 1
            }
            guard bits >= codeWidth else { break }
            let code = Int(buffer >> UInt32(bits - codeWidth)) & ((1 << codeWidth) - 1)
            bits -= codeWidth
            buffer &= (1 << UInt32(bits)) - 1
            if code == 256 {
                table.removeSubrange(258...)
                codeWidth = 9
                previous = nil
                continue
            }
            if code == 257 { break }
            let entry: [UInt8]
            if code < table.count, code != 256, code != 257 {
                entry = table[code]
            } else if code == table.count, let last = previous, let first = last.first {
                entry = last + [first]
            } else {
                break
            }
            guard output.count + entry.count <= budget else { return (output, true) }
            output += entry
            if let last = previous, let first = entry.first, table.count < 4096 { table.append(last + [first]) }
            previous = entry
            if table.count + (earlyChange ? 1 : 0) >= 1 << codeWidth, codeWidth < 12 { codeWidth += 1 }
        }
        return (output, false)
    }

    static func runLengthDecoded(_ input: [UInt8], budget: Int) -> (bytes: [UInt8], exceeded: Bool) {
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            let length = Int(input[index])
            index += 1
            if length == 128 { break }
            if length < 128 {
                let end = min(input.count, index + length + 1)
                guard output.count + (end - index) <= budget else { return (output, true) }
                output += input[index..<end]
                index = end
            } else {
                guard index < input.count else { break }
                guard output.count + 257 - length <= budget else { return (output, true) }
                output += repeatElement(input[index], count: 257 - length)
                index += 1
            }
        }
        return (output, false)
    }
}
