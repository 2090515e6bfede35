import NIOCore

/// Framing shared by both directions:
///
/// ```
/// +----------------+------+---------------------+
/// | length: uint32 | code | payload             |
/// | (code+payload) | char | length - 1 bytes    |
/// +----------------+------+---------------------+
/// ```
extension ByteBuffer {
    /// Reads one frame, or returns nil (consuming nothing) when more bytes are needed.
    /// The length is checked against `maximumLength` before anything is buffered for it.
    mutating func readMilterFrame(maximumLength: Int) throws(MilterProtocolError) -> (code: UInt8, payload: ByteBuffer)? {
        guard let length = self.getInteger(at: self.readerIndex, as: UInt32.self) else {
            return nil
        }
        guard length > 0 else { throw .emptyFrame }
        guard Int(length) <= maximumLength else {
            throw .frameTooLarge(length: Int(length), limit: maximumLength)
        }
        guard self.readableBytes >= 4 + Int(length) else { return nil }
        self.moveReaderIndex(forwardBy: 4)
        guard let code = self.readInteger(as: UInt8.self),
            let payload = self.readSlice(length: Int(length) - 1)
        else { return nil }
        return (code, payload)
    }

    /// Writes one frame whose payload is produced by `body`; the length is patched in.
    mutating func writeMilterFrame(code: UInt8, _ body: (inout ByteBuffer) -> Void) {
        let lengthIndex = self.writerIndex
        self.writeInteger(UInt32(0))
        let start = self.writerIndex
        self.writeInteger(code)
        body(&self)
        self.setInteger(UInt32(self.writerIndex - start), at: lengthIndex)
    }

    /// Reads a NUL-terminated string's bytes (without the NUL).
    mutating func readMilterCString(code: UInt8) throws(MilterProtocolError) -> [UInt8] {
        guard let nul = self.readableBytesView.firstIndex(of: 0) else {
            throw .malformedPayload(code: code, reason: "string without its terminating NUL")
        }
        let bytes = self.readBytes(length: nul - self.readerIndex) ?? []
        self.moveReaderIndex(forwardBy: 1)
        return bytes
    }

    /// Reads a NUL-terminated string as text (invalid UTF-8 repaired, never trapping).
    mutating func readMilterString(code: UInt8) throws(MilterProtocolError) -> String {
        String(decoding: try self.readMilterCString(code: code), as: UTF8.self)
    }

    /// Reads NUL-terminated strings until the payload ends.
    mutating func readMilterStringList(code: UInt8) throws(MilterProtocolError) -> [String] {
        var strings: [String] = []
        while self.readableBytes > 0 {
            strings.append(try self.readMilterString(code: code))
        }
        return strings
    }

    /// Writes bytes followed by NUL (any NUL inside is dropped: it would end the string).
    mutating func writeMilterCString<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        self.writeBytes(bytes.lazy.filter { $0 != 0 })
        self.writeInteger(UInt8(0))
    }

    mutating func writeMilterCString(_ string: String) {
        self.writeMilterCString(string.utf8)
    }

    mutating func readMilterUInt32(code: UInt8) throws(MilterProtocolError) -> UInt32 {
        guard let value = self.readInteger(as: UInt32.self) else {
            throw .malformedPayload(code: code, reason: "missing 32-bit field")
        }
        return value
    }
}
