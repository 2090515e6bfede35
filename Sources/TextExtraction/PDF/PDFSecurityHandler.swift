import Crypto
import FoundationEssentials
import _CryptoExtras

/// The PDF standard security handler (ISO 32000-2 §7.6.4) for a document whose user
/// password is empty — the usual "protected" export, which anyone may open: RC4 40- and
/// 128-bit (V1/V2, R2/R3), AES-128 (V4 AESV2, R4) and AES-256 (V5 AESV3, R5/R6). A
/// document that needs a password to open gives `needsPassword`, any other handler
/// `unsupported`. Decryption keys come from swift-crypto (MD5, SHA-2, AES-CBC); RC4 is
/// written here (`PDFRC4`).
struct PDFSecurityHandler {
    enum Method: Equatable { case identity, rc4, aes128, aes256 }
    enum Failure: Error, Equatable { case needsPassword, unsupported(String) }

    static let padding: [UInt8] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ]

    let fileKey: [UInt8]
    let stringMethod: Method
    let streamMethod: Method

    init(encrypt: [String: PDFObject], firstID: [UInt8], in document: PDFDocument) throws(Failure) {
        guard document.value("Filter", in: encrypt).name == "Standard" else {
            throw .unsupported("security handler \(document.value("Filter", in: encrypt).name ?? "unknown")")
        }
        let version = document.value("V", in: encrypt).integer ?? 0
        let revision = document.value("R", in: encrypt).integer ?? 0
        let owner = document.value("O", in: encrypt).bytes ?? []
        let user = document.value("U", in: encrypt).bytes ?? []
        switch version {
        case 1, 2:
            let length = version == 1 ? 5 : max(5, min(16, (document.value("Length", in: encrypt).integer ?? 40) / 8))
            fileKey = try Self.legacyKey(encrypt, document, revision: revision, length: length, owner: owner, user: user, id: firstID)
            stringMethod = .rc4
            streamMethod = .rc4
        case 4:
            let filters = document.value("CF", in: encrypt).dictionary
            func method(_ key: String) throws(Failure) -> Method {
                let name = document.value(key, in: encrypt).name ?? "Identity"
                guard name != "Identity" else { return .identity }
                switch document.value("CFM", in: document.value(name, in: filters).dictionary).name {
                case "V2": return .rc4
                case "AESV2": return .aes128
                case let other: throw .unsupported("crypt filter \(other ?? "None")")
                }
            }
            stringMethod = try method("StrF")
            streamMethod = try method("StmF")
            let length = max(5, min(16, (document.value("Length", in: encrypt).integer ?? 128) / 8))
            fileKey = try Self.legacyKey(encrypt, document, revision: revision, length: length, owner: owner, user: user, id: firstID)
        case 5:
            fileKey = try Self.aes256Key(encrypt, document, revision: revision, user: user)
            stringMethod = .aes256
            streamMethod = .aes256
        default:
            throw .unsupported("encryption version \(version)")
        }
    }

    /// Algorithms 2 and 4/5: the RC4/AES-128 file key from the empty password, checked
    /// against /U.
    private static func legacyKey(_ encrypt: [String: PDFObject], _ document: PDFDocument, revision: Int, length: Int,
                                  owner: [UInt8], user: [UInt8], id: [UInt8]) throws(Failure) -> [UInt8] {
        guard (2...4).contains(revision), owner.count >= 32, user.count >= 16 else { throw .unsupported("revision \(revision)") }
        let permissions = UInt32(bitPattern: Int32(truncatingIfNeeded: document.value("P", in: encrypt).integer ?? 0))
        let permissionBytes: [UInt8] = (0..<4).map { UInt8(permissions >> (8 * UInt32($0)) & 0xFF) }
        var input: [UInt8] = padding
        input += owner.prefix(32)
        input += permissionBytes
        input += id
        if revision >= 4, case .bool(false) = document.value("EncryptMetadata", in: encrypt) { input += [0xFF, 0xFF, 0xFF, 0xFF] }
        var key = Array(Insecure.MD5.hash(data: input))
        if revision >= 3 {
            for _ in 0..<50 { key = Array(Insecure.MD5.hash(data: key.prefix(length))) }
        }
        key = Array(key.prefix(revision == 2 ? 5 : length))
        let expected: [UInt8]
        let computed: [UInt8]
        if revision == 2 {
            computed = PDFRC4.apply(key: key, to: padding)
            expected = Array(user.prefix(32))
        } else {
            var value = PDFRC4.apply(key: key, to: Array(Insecure.MD5.hash(data: padding + id)))
            for round in 1...19 { value = PDFRC4.apply(key: key.map { $0 ^ UInt8(round) }, to: value) }
            computed = value
            expected = Array(user.prefix(16))
        }
        guard computed == expected else { throw .needsPassword }
        return key
    }

    /// Algorithms 2.A/2.B: the AES-256 file key from the empty password, through /UE.
    private static func aes256Key(_ encrypt: [String: PDFObject], _ document: PDFDocument, revision: Int,
                                  user: [UInt8]) throws(Failure) -> [UInt8] {
        guard revision == 5 || revision == 6 else { throw .unsupported("revision \(revision)") }
        let userKey = document.value("UE", in: encrypt).bytes ?? []
        guard user.count >= 48, userKey.count >= 32 else { throw .unsupported("short /U or /UE") }
        let hash: ([UInt8]) -> [UInt8] = { salt in
            revision == 5 ? Array(SHA256.hash(data: salt)) : hardenedHash(salt: salt)
        }
        guard hash(Array(user[32..<40])) == Array(user[0..<32]) else { throw .needsPassword }
        let intermediate = hash(Array(user[40..<48]))
        guard let key = try? AES._CBC.decrypt(Array(userKey.prefix(32)), using: SymmetricKey(data: intermediate),
                                              iv: AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16)), noPadding: true),
              key.count == 32 else { throw .unsupported("an unreadable /UE") }
        return Array(key)
    }

    /// Algorithm 2.B (revision 6) for the empty password and no user-key data.
    static func hardenedHash(salt: [UInt8]) -> [UInt8] {
        var key = Array(SHA256.hash(data: salt))
        var round = 0
        var last: UInt8 = 0
        while round < 64 || Int(last) > round - 32 {
            let block = [[UInt8]](repeating: key, count: 64).flatMap { $0 }
            guard let iv = try? AES._CBC.IV(ivBytes: Array(key[16..<32])),
                  let encrypted = try? AES._CBC.encrypt(block, using: SymmetricKey(data: Array(key[0..<16])), iv: iv, noPadding: true)
            else { return [] }
            let bytes = Array(encrypted)
            let selector = bytes.prefix(16).reduce(0) { ($0 + Int($1)) % 3 }
            switch selector {
            case 0: key = Array(SHA256.hash(data: bytes))
            case 1: key = Array(SHA384.hash(data: bytes))
            default: key = Array(SHA512.hash(data: bytes))
            }
            last = bytes.last ?? 0
            round += 1
        }
        return Array(key.prefix(32))
    }

    /// The plaintext of a string or stream of object `number` (generation `generation`).
    func decrypt(_ data: ArraySlice<UInt8>, number: Int, generation: Int, method: Method) -> [UInt8] {
        switch method {
        case .identity:
            return Array(data)
        case .rc4:
            return PDFRC4.apply(key: objectKey(number, generation, aes: false), to: Array(data))
        case .aes128, .aes256:
            guard data.count >= 32, (data.count - 16) % 16 == 0, let iv = try? AES._CBC.IV(ivBytes: Array(data.prefix(16))) else { return [] }
            let key = method == .aes256 ? fileKey : objectKey(number, generation, aes: true)
            let plain = try? AES._CBC.decrypt(Array(data.dropFirst(16)), using: SymmetricKey(data: key), iv: iv)
            return plain.map(Array.init) ?? []
        }
    }

    private func objectKey(_ number: Int, _ generation: Int, aes: Bool) -> [UInt8] {
        var input = fileKey + [UInt8(number & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number >> 16 & 0xFF),
                               UInt8(generation & 0xFF), UInt8(generation >> 8 & 0xFF)]
        if aes { input += [0x73, 0x41, 0x6C, 0x54] }
        return Array(Insecure.MD5.hash(data: input).prefix(min(fileKey.count + 5, 16)))
    }
}

/// RC4, the stream cipher of PDF encryption revisions 2–4 (not offered by swift-crypto).
enum PDFRC4 {
    static func apply(key: [UInt8], to data: [UInt8]) -> [UInt8] {
        guard !key.isEmpty else { return data }
        var state = (0...255).map { UInt8($0) }
        var j = 0
        for i in 0..<256 {
            j = (j + Int(state[i]) + Int(key[i % key.count])) & 0xFF
            state.swapAt(i, j)
        }
        var output = data
        var i = 0
        j = 0
        for index in output.indices {
            i = (i + 1) & 0xFF
            j = (j + Int(state[i])) & 0xFF
            state.swapAt(i, j)
            output[index] ^= state[(Int(state[i]) + Int(state[j])) & 0xFF]
        }
        return output
    }
}
