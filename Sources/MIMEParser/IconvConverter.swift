#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes in any charset the C library's `iconv` knows into text. Invalid
/// sequences become U+FFFD and the result is marked unclean; an unknown charset gives
/// `nil`. Each call opens its own converter, so it is safe from any thread.
enum IconvConverter {
    static func convert(_ input: [UInt8], from charset: String) -> DecodedText? {
        guard let converter = open(charset) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 2 + 16)
        var clean = true
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        input.withUnsafeBufferPointer { source in
            var inPointer = UnsafeMutablePointer(mutating: source.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: CChar.self) })
            var inLeft = source.count
            while inLeft > 0 {
                let (produced, status) = step(converter, &inPointer, &inLeft, into: &scratch)
                output.append(contentsOf: scratch[0..<produced])
                if status == 0 || status == E2BIG { continue }
                // EILSEQ (invalid byte) or EINVAL (truncated sequence): replace and skip a byte.
                clean = false
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                inPointer = inPointer.map { $0 + 1 }
                inLeft -= 1
            }
            // Flush characters the converter holds back (e.g. windows-1255 combining marks).
            let (produced, _) = step(converter, nil, &inLeft, into: &scratch)
            output.append(contentsOf: scratch[0..<produced])
        }
        let text = String(decoding: output, as: UTF8.self)
        return DecodedText(text: text, charset: charset, charsetKnown: true, isClean: clean)
    }

    /// One `iconv` call into `scratch`; a `nil` input pointer flushes the converter.
    private static func step(
        _ converter: iconv_t, _ input: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ inLeft: inout Int,
        into scratch: inout [UInt8]
    ) -> (Int, Int32) {
        scratch.withUnsafeMutableBufferPointer { target -> (Int, Int32) in
            guard let base = target.baseAddress else { return (0, 0) }
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
            var outLeft = target.count
            let result = input == nil
                ? iconv(converter, nil, nil, &outPointer, &outLeft)
                : iconv(converter, input, &inLeft, &outPointer, &outLeft)
            return (target.count - outLeft, result == -1 ? errno : 0)
        }
    }

    private static func open(_ charset: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", charset.uppercased())
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        return converter
    }
}
