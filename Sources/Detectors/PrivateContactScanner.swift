/// Finds wording that asks a reader to keep contact secret or to meet privately — what
/// §3 of the guidance calls seeking social contact "to pursue or strengthen a
/// relationship": "don't tell your mum", "keep this between us", "our little secret",
/// "delete this message after reading", "nobody needs to know", "come round to my house".
///
/// It reads words (tokens) within one sentence, so "Don't. Tell your mum" is no phrase,
/// and it leaves out the ordinary advice staff give pupils: "never tell anyone your
/// password", "don't tell your friends the answers", "secret Santa", and the disclaimer
/// "if you are not the intended recipient, delete this email".
struct PrivateContactScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]
    /// What each token is to this scanner, among the other contact scanners' words.
    let words: ContactWords

    init(bytes: [UInt8], tokens: [RawToken], words: ContactWords? = nil) {
        self.bytes = bytes
        self.tokens = tokens
        self.words = words ?? ContactWords(bytes: bytes, tokens: tokens)
    }

    /// One phrase found: its byte range and a fixed label for the evidence (the label
    /// never quotes the message, so it carries no personal data).
    struct Hit: Equatable {
        var range: Range<Int>
        var label: String
    }

    /// What a word is for the phrases below.
    enum Word: Sendable {
        case negation, doWord, mustWord, notWord, apostropheT
        case telling, without, letWord, know, find, out
        case audience, filler, guarded
        case keep, thisWord, between, you, and, me, us, ourselves, yourself, two, of, the, just
        case secret, little, our, myWord, aWord, santa
        case delete, message, after, reading
        case nobody, no, one, needs, to
        case come, round, at, home
    }

    /// Each word and its class (the first listing of a word counts): read through `ContactWords`.
    static let wordList: [(String, Word)] = [
        ("dont", .negation), ("never", .negation), ("don", .doWord), ("do", .doWord), ("mustn", .mustWord),
        ("must", .mustWord), ("shouldn", .mustWord), ("should", .mustWord), ("not", .notWord), ("t", .apostropheT),
        ("tell", .telling), ("telling", .telling), ("show", .telling), ("mention", .telling), ("say", .telling),
        ("without", .without), ("let", .letWord), ("know", .know), ("find", .find), ("out", .out),
        ("anyone", .audience), ("anybody", .audience), ("mum", .audience), ("mam", .audience), ("mom", .audience),
        ("mummy", .audience), ("dad", .audience), ("daddy", .audience), ("parents", .audience), ("parent", .audience),
        ("family", .audience), ("carer", .audience), ("carers", .audience), ("friends", .audience),
        ("teachers", .audience), ("nan", .audience), ("gran", .audience), ("grandma", .audience),
        ("grandad", .audience), ("brother", .audience), ("sister", .audience), ("people", .audience),
        ("others", .audience), ("staff", .audience), ("school", .audience), ("mates", .audience),
        ("your", .filler), ("ur", .filler), ("any", .filler), ("other", .filler), ("anything", .filler),
        ("about", .filler), ("it", .thisWord), ("this", .thisWord), ("that", .thisWord), ("these", .thisWord),
        ("password", .guarded), ("passwords", .guarded), ("pin", .guarded), ("login", .guarded),
        ("answers", .guarded), ("answer", .guarded), ("code", .guarded), ("spoilers", .guarded),
        ("ending", .guarded), ("results", .guarded), ("surprise", .guarded),
        ("keep", .keep), ("between", .between), ("you", .you), ("and", .and), ("me", .me), ("us", .us),
        ("ourselves", .ourselves), ("yourself", .yourself), ("yourselves", .yourself), ("two", .two), ("of", .of), ("the", .the), ("just", .just), ("only", .just),
        ("secret", .secret), ("little", .little), ("our", .our), ("my", .myWord), ("a", .aWord), ("santa", .santa),
        ("delete", .delete), ("message", .message), ("messages", .message), ("email", .message),
        ("emails", .message), ("chat", .message), ("texts", .message), ("after", .after), ("once", .after),
        ("when", .after), ("reading", .reading), ("read", .reading),
        ("nobody", .nobody), ("noone", .nobody), ("no", .no), ("one", .one), ("needs", .needs),
        ("has", .needs), ("will", .needs), ("would", .needs), ("to", .to),
        ("come", .come), ("pop", .come), ("stay", .come), ("sleep", .come), ("visit", .come),
        ("round", .round), ("over", .round), ("back", .round), ("at", .at),
        ("house", .home), ("flat", .home), ("place", .home), ("home", .home),
    ]

    func scan() -> [Hit] {
        guard tokens.count >= 2 else { return [] }
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            if words.secrecy(index) != nil, let hit = phrase(at: index) {
                hits.append(hit)
                while index < tokens.count, tokens[index].start < hit.range.upperBound { index += 1 }
            } else {
                index += 1
            }
        }
        return hits
    }

    private func phrase(at index: Int) -> Hit? {
        var reader = Reader(scanner: self, start: index, position: index)
        switch words.secrecy(index) {
        case .negation, .doWord, .mustWord:
            guard reader.negation(), let verb = reader.next() else { return nil }
            if verb == .telling, reader.audience() { return reader.hit(from: index, "asks for secrecy (do not tell)") }
            if verb == .letWord, reader.audience(), reader.take(.know) {
                return reader.hit(from: index, "asks for secrecy (do not let anyone know)")
            }
            return nil
        case .without:
            reader.position += 1
            guard reader.take(.telling), reader.audience() else { return nil }
            return reader.hit(from: index, "asks for secrecy (without telling)")
        case .keep:
            reader.position += 1
            guard reader.take(.thisWord) else { return nil }
            if reader.take(.between), reader.usTwo() { return reader.hit(from: index, "asks for secrecy (keep this between us)") }
            if reader.take(.to), reader.take(.yourself) { return reader.hit(from: index, "asks for secrecy (keep this to yourself)") }
            _ = reader.take(.aWord)
            if reader.take(.secret) { return reader.hit(from: index, "asks for secrecy (keep this secret)") }
            return nil
        case .just:
            reader.position += 1
            guard reader.take(.between), reader.usTwo() else { return nil }
            return reader.hit(from: index, "asks for secrecy (just between us)")
        case .between:
            reader.position += 1
            guard reader.take(.you), reader.take(.and), reader.take(.me) else { return nil }
            return reader.hit(from: index, "asks for secrecy (between you and me)")
        case .our, .aWord, .myWord:
            let owner = words.secrecy(index)
            reader.position += 1
            let little = reader.take(.little)
            guard owner == .our || little, reader.take(.secret), reader.peek() != .santa else { return nil }
            return reader.hit(from: index, "asks for secrecy (our secret)")
        case .delete:
            reader.position += 1
            guard reader.take(.thisWord) || reader.take(.myWord) || reader.take(.our) || reader.take(.the) else { return nil }
            _ = reader.take(.message)
            guard reader.take(.after), reader.take(.you) || reader.take(.reading) else { return nil }
            return reader.hit(from: index, "asks for messages to be deleted")
        case .nobody, .no:
            reader.position += 1
            if words.secrecy(index) == .no, !reader.take(.one) { return nil }
            guard reader.take(.needs) else { return nil }
            _ = reader.take(.to)
            guard reader.take(.know) || (reader.take(.find) && reader.take(.out)) else { return nil }
            return reader.hit(from: index, "asks for secrecy (nobody needs to know)")
        case .come:
            reader.position += 1
            _ = reader.take(.round)
            guard reader.take(.to) || reader.take(.at), reader.take(.myWord), reader.take(.home) else { return nil }
            return reader.hit(from: index, "invites a private meeting (my house)")
        default:
            return nil
        }
    }

    /// A cursor over the classified words of one sentence.
    private struct Reader {
        let scanner: PrivateContactScanner
        /// The phrase's first word, which may follow anything.
        let start: Int
        var position: Int

        /// The class of the word at the cursor, if it follows the previous word within
        /// the sentence.
        func peek() -> Word? {
            guard position < scanner.tokens.count, position == start || scanner.joined(position - 1, position) else { return nil }
            return scanner.words.secrecy(position)
        }

        mutating func take(_ word: Word) -> Bool {
            guard peek() == word else { return false }
            position += 1
            return true
        }

        mutating func next() -> Word? {
            guard let word = peek() else { return nil }
            position += 1
            return word
        }

        /// "dont", "never", "don't", "do not", "mustn't", "must not", "shouldn't".
        mutating func negation() -> Bool {
            switch next() {
            case .negation: return true
            case .doWord, .mustWord: return take(.apostropheT) || take(.notWord)
            default: return false
            }
        }

        /// Up to three filler words, then a person or group ("your mum", "anyone",
        /// "the other teachers"), and no guarded word (password, answers) just after.
        mutating func audience() -> Bool {
            var fillers = 0
            while fillers < 3, let word = peek(), word == .filler || word == .the || word == .thisWord || word == .to
                || word == .myWord || word == .our {
                position += 1
                fillers += 1
            }
            guard take(.audience) || take(.nobody) || (take(.no) && take(.one)) else { return false }
            var ahead = position
            while ahead < scanner.tokens.count, ahead < position + 4, scanner.joined(ahead - 1, ahead) {
                if scanner.words.secrecy(ahead) == .guarded { return false }
                ahead += 1
            }
            return true
        }

        /// "us", "ourselves", "you and me", "the two of us".
        mutating func usTwo() -> Bool {
            if take(.us) || take(.ourselves) { return true }
            if take(.you) { return take(.and) && take(.me) }
            return take(.the) && take(.two) && take(.of) && take(.us)
        }

        func hit(from index: Int, _ label: String) -> Hit {
            Hit(range: scanner.tokens[index].start..<scanner.tokens[position - 1].end, label: label)
        }
    }

    /// True when only spaces, apostrophes and at most one line break stand between two
    /// words: they are in one sentence.
    func joined(_ left: Int, _ right: Int) -> Bool {
        let gap = bytes.gap(tokens[left], tokens[right])
        guard gap.count <= 6 else { return false }
        var breaks = 0
        for byte in gap {
            switch byte {
            case 32, 9, 39, 0xE2, 0x80, 0x99: continue
            case 10: breaks += 1
            case 13: continue
            default: return false
            }
        }
        return breaks <= 1
    }
}
