import ChaperoneZlib

/// zlib (RFC 1950) compression of quarantined copies, with a CRC-32 to prove on the way
/// out that the bytes are the ones that went in.
package enum MessageCompression {
    package static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let code = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), Z_BEST_SPEED)
            }
        }
        guard code == Z_OK else { throw StoreError.compressionFailed(code: code) }
        output.removeLast(output.count - Int(capacity))
        return output
    }

    package static func decompress(_ bytes: [UInt8], originalSize: Int) throws -> [UInt8] {
        guard originalSize > 0 else { return [] }
        var size = uLong(originalSize)
        var output = [UInt8](repeating: 0, count: originalSize)
        let code = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &size, input.baseAddress, uLong(input.count))
            }
        }
        guard code == Z_OK, Int(size) == originalSize else { throw StoreError.compressionFailed(code: code) }
        return output
    }

    package static func checksum(_ bytes: [UInt8]) -> Int64 {
        let value = bytes.withUnsafeBufferPointer { buffer in
            crc32_z(0, buffer.baseAddress, z_size_t(buffer.count))
        }
        return Int64(value)
    }
}
