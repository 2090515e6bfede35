import Testing
@testable import MIMEParser

/// `UTF8Validity` must answer exactly as `String(validating:as: UTF8.self)` does (the
/// CSV path trusts it to leave bytes undecoded): checked on every boundary of the
/// well-formed ranges, on hostile sequences, and on seeded random bytes.
@Suite struct UTF8ValidityTests {
    static func agrees(_ bytes: [UInt8]) -> Bool {
        UTF8Validity.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil)
    }

    @Test func everyLeadAndSecondByteAgrees() {
        var disagreements: [[UInt8]] = []
        for lead in 0...255 {
            for second in 0...255 {
                for tail: [UInt8] in [[], [0x80], [0xBF, 0x80], [0x41], [0x80, 0x41], [0x80, 0x80, 0x80]] {
                    let bytes = [UInt8(lead), UInt8(second)] + tail
                    if !Self.agrees(bytes) { disagreements.append(bytes) }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test func hostileSequencesAgree() {
        let cases: [[UInt8]] = [
            [], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE, 0xFF],
            [0xEF, 0xBB, 0xBF, 0x41], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x41, 0xC3], [0xC3, 0xA9, 0x0D, 0x0A],
            [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
        ]
        for bytes in cases { #expect(Self.agrees(bytes), "\(bytes)") }
    }

    @Test func seededRandomBytesAgree() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        var valid = 0
        for length in 0..<4_000 {
            // Mostly ASCII and well-formed sequences, with a stray byte now and then.
            var bytes: [UInt8] = []
            for _ in 0..<(length % 23) {
                let pick = next()
                switch pick % 8 {
                case 0: bytes += Array("é".utf8)
                case 1: bytes += Array("€".utf8)
                case 2: bytes += Array("😀".utf8)
                case 3: bytes.append(next())
                default: bytes.append(pick & 0x7F)
                }
            }
            if String(validating: bytes, as: UTF8.self) != nil { valid += 1 }
            #expect(Self.agrees(bytes), "\(bytes)")
        }
        #expect(valid > 500 && valid < 3_900, "both answers were exercised")
    }
}
