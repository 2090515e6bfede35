#if canImport(Glibc)
import Glibc
#endif

/// The next occurrence of one byte, found by the C library's `memchr` (vectorised)
/// rather than a byte-at-a-time Swift loop: extraction and the scanners look for line
/// breaks, CRs and `@` across whole bodies, most of which hold few of them.
public enum ByteSearch {
    /// The first position at or after `start` that holds `byte`, or `bytes.count` when
    /// none does (or `start` is outside the bytes).
    public static func next(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int {
        guard start >= 0, start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, Int32(byte), buffer.count - start) else { return buffer.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
