import ChaperoneZlib
import ChaperoneModel

/// zlib (RFC 1950) inflation of one Flate stream through the system zlib, stopping at a
/// byte budget. Damaged data yields what inflated before the damage, as readers do.
enum PDFInflater {
    /// The inflated bytes (at most `budget`), and whether the budget cut them short.
    static func inflate(_ input: ArraySlice<UInt8>, budget: Int) -> (bytes: [UInt8], exceeded: Bool) {
        guard input.count < Int(uInt.max) else { return ([], true) }
        guard !input.isEmpty, budget > 0 else { return ([], budget <= 0 && !input.isEmpty) }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return ([], false) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var exceeded = false
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return ChaperoneZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > budget {
                    output.append(contentsOf: chunk[0..<max(0, budget - output.count)])
                    exceeded = true
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if status != Z_OK || (produced == 0 && stream.avail_in == 0) { return }
                if ScanCancellation.shouldStop(at: .decoderChunk) { return }
            }
        }
        return (output, exceeded)
    }
}
