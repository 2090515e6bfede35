extension PDFDocument {
    /// Unpacks object streams (/Type /ObjStm), where modern writers keep pages and fonts.
    /// Objects written directly in the file take precedence over packed ones.
    mutating func unpackObjectStreams(decoder: inout PDFStreamDecoder) {
        let containers = objects.filter { $0.value.dictionary?["Type"]?.name == "ObjStm" }.sorted { $0.key < $1.key }
        var packed: [Int: PDFObject] = [:]
        for (_, container) in containers {
            guard let dictionary = container.dictionary,
                  let count = resolve(dictionary["N"]).integer, count > 0,
                  let first = resolve(dictionary["First"]).integer, first >= 0,
                  let data = decoder.decode(container, in: self), first <= data.count else { continue }
            var header = PDFObjectParser(PDFLexer(data, to: first))
            var entries: [(number: Int, offset: Int)] = []
            while entries.count < count, let number = header.parseObject()?.integer, let offset = header.parseObject()?.integer {
                entries.append((number, offset))
            }
            for entry in entries where entry.offset >= 0 && entry.offset <= data.count - first {
                var parser = PDFObjectParser(PDFLexer(data, from: first + entry.offset))
                if packed[entry.number] == nil, let object = parser.parseObject() { packed[entry.number] = object }
            }
        }
        for (number, object) in packed where objects[number] == nil {
            objects[number] = object
        }
    }
}
