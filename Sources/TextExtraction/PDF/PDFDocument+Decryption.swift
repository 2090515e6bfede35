extension PDFDocument {
    /// Outcome of opening an encrypted document.
    enum Decryption {
        case decrypted(PDFDocument)
        case failed(PDFSecurityHandler.Failure)
    }

    /// A copy of this (encrypted) document with every string and stream decrypted, the
    /// stream data appended after the original bytes; call before unpacking object
    /// streams (their members are not encrypted one by one). The /Encrypt dictionary
    /// and cross-reference streams are left as they are. Generation numbers are taken
    /// as 0, as in nearly every file.
    func decrypted() -> Decryption {
        guard let trailer = trailers.first(where: { $0["Encrypt"] != nil }) else { return .decrypted(self) }
        var encryptNumber: Int?
        if case .reference(let number) = trailer["Encrypt"] { encryptNumber = number }
        guard let encrypt = resolve(trailer["Encrypt"]).dictionary else { return .failed(.unsupported("no /Encrypt dictionary")) }
        let firstID = trailers.lazy.compactMap { $0["ID"]?.array?.first?.bytes }.first ?? []
        let handler: PDFSecurityHandler
        do {
            handler = try PDFSecurityHandler(encrypt: encrypt, firstID: firstID, in: self)
        } catch {
            return .failed(error)
        }
        var appended: [UInt8] = []
        var plainObjects: [Int: PDFObject] = [:]
        for (number, object) in objects {
            if number == encryptNumber {
                plainObjects[number] = object
                continue
            }
            if case .stream(let dictionary, let range) = object {
                if dictionary["Type"]?.name == "XRef" {
                    plainObjects[number] = object
                    continue
                }
                let plain = handler.decrypt(rawData(range), number: number, generation: 0, method: handler.streamMethod)
                let start = bytes.count + appended.count
                appended += plain
                let strings = Self.decryptStrings(.dictionary(dictionary), handler, number).dictionary ?? dictionary
                plainObjects[number] = .stream(strings, start..<(start + plain.count))
            } else {
                plainObjects[number] = Self.decryptStrings(object, handler, number)
            }
        }
        var document = PDFDocument(bytes: bytes + appended)
        document.objects = plainObjects
        document.trailers = trailers.map { $0.filter { $0.key != "Encrypt" } }
        return .decrypted(document)
    }

    /// `object` with every string in it decrypted (nesting bounded as the parser bounds it).
    private static func decryptStrings(_ object: PDFObject, _ handler: PDFSecurityHandler, _ number: Int, depth: Int = 0) -> PDFObject {
        guard depth < 64 else { return object }
        switch object {
        case .string(let value):
            return .string(handler.decrypt(value[...], number: number, generation: 0, method: handler.stringMethod))
        case .array(let items):
            return .array(items.map { decryptStrings($0, handler, number, depth: depth + 1) })
        case .dictionary(let entries):
            return .dictionary(entries.mapValues { decryptStrings($0, handler, number, depth: depth + 1) })
        default:
            return object
        }
    }
}
