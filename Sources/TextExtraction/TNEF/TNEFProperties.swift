/// A MAPI property list inside TNEF (MS-OXTNEF 2.1.3.4): a count, then per property
/// its type and id (named properties add a GUID and a name), and its value(s).
///
/// ```
/// count:32  { type:16 id:16 [guid:128 kind:32 (id:32 | length:32 utf16 pad4)]
///             [count:32 when multi-valued or variable-length]  value... }
/// variable-length values (string, binary, object): length:32 data pad-to-4
/// ```
struct TNEFProperties {
    private(set) var strings: [UInt16: String] = [:]
    private(set) var binaries: [UInt16: [UInt8]] = [:]

    func string(_ id: UInt16) -> String? { strings[id] }
    func binary(_ id: UInt16) -> [UInt8]? { binaries[id] }

    static func parse(_ data: [UInt8]) throws(CompoundFileError) -> TNEFProperties {
        var properties = TNEFProperties()
        guard let count = data.u32(at: 0) else { throw .damaged("a MAPI property list is empty") }
        var offset = 4
        for _ in 0..<min(Int(count), data.count / 4) {
            guard let rawType = data.u16(at: offset), let id = data.u16(at: offset + 2) else { throw .damaged("a MAPI property is cut short") }
            offset += 4
            if id >= 0x8000 {
                guard let kind = data.u32(at: offset + 16) else { throw .damaged("a named property is cut short") }
                offset += 20
                if kind == 0 {
                    offset += 4
                } else {
                    guard let length = data.u32(at: offset), Int(length) <= data.count else { throw .damaged("a property name is cut short") }
                    offset += 4 + padded(Int(length))
                }
            }
            let multiple = rawType & 0x1000 != 0
            let type = rawType & 0x0FFF
            let variable = [0x001E, 0x001F, 0x0102, 0x000D].contains(type)
            var values = 1
            if multiple || variable {
                guard let declared = data.u32(at: offset), Int(declared) <= data.count else { throw .damaged("a property's value count") }
                values = Int(declared)
                offset += 4
            }
            for _ in 0..<values {
                if variable {
                    guard let length = data.u32(at: offset), let value = data.bytes(at: offset + 4, length: Int(length)) else {
                        throw .damaged("a property value runs past the end")
                    }
                    offset += 4 + padded(Int(length))
                    switch type {
                    case 0x001F: properties.strings[id] = utf16LittleEndian(value).trimmingNulls()
                    case 0x001E: properties.strings[id] = TNEFStream.text(value)
                    default: properties.binaries[id] = Array(value)
                    }
                } else {
                    guard let size = fixedSize(type) else { throw .damaged("a property of unknown type 0x\(String(type, radix: 16))") }
                    offset += size
                }
            }
            guard offset <= data.count else { throw .damaged("a property value runs past the end") }
        }
        return properties
    }

    private static func padded(_ length: Int) -> Int { (length + 3) & ~3 }

    private static func fixedSize(_ type: UInt16) -> Int? {
        switch type {
        case 0x0001: 0
        case 0x0002, 0x0003, 0x0004, 0x000A, 0x000B: 4
        case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040: 8
        case 0x0048: 16
        default: nil
        }
    }
}

extension String {
    fileprivate func trimmingNulls() -> String {
        var text = self
        while text.last == "\0" { text.removeLast() }
        return text
    }
}
