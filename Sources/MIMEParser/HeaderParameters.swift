import ChaperoneModel

/// A structured header value with parameters, such as `Content-Type` or
/// `Content-Disposition`: `value; name=token; name="quoted"`, with RFC 2231 extended
/// parameters (continuations `name*0*`, charset and language) and the common
/// non-standard RFC 2047 encoded words inside quoted values decoded.
public struct HeaderParameters: Hashable, Sendable {
    /// The part before the first `;`, comments removed, trimmed.
    public var value: String
    /// Parameters by lower-cased name; the first occurrence wins.
    public var parameters: [String: String]

    public init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    /// Parses an unfolded header value (as bytes when it is ASCII, else as Characters:
    /// the same rule either way).
    public init(parsing text: String) {
        var text = text
        if let ascii = text.withUTF8({ UTF8Text.isASCII($0) ? Array($0) : nil }) {
            self.init(scanner: ParameterScanner(ascii))
        } else {
            self.init(parsingCharacters: text)
        }
    }

    /// Parses by Characters whatever the text: the rule for non-ASCII text, and the
    /// reference the byte path is tested against.
    init(parsingCharacters text: String) {
        self.init(scanner: ParameterScanner(Array(text)))
    }

    private init<Unit>(scanner: ParameterScanner<Unit>) {
        var scanner = scanner
        value = scanner.readMainValue()
        var plain: [String: String] = [:]
        var extended: [String: [ExtendedSegment]] = [:]
        while let (name, raw) = scanner.readParameter() {
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let suffix = name[name.index(after: star)...]
                extended[base, default: []].append(ExtendedSegment(suffix: suffix, value: raw))
            } else if plain[name] == nil {
                plain[name] = raw
            }
        }
        for (name, segments) in extended {
            plain[name] = ExtendedSegment.join(segments)
        }
        parameters = plain.mapValues { $0.contains("=?") ? EncodedWordDecoder.decode($0) : $0 }
    }
}
