import Testing
@testable import Detectors

/// The one shared lookup gives each contact scanner what its own list says a word is.
@Suite struct ContactWordsTests {
    /// The words of `text` looked up as a segment's tokens.
    static func words(_ text: String) -> (ContactWords, Int) {
        let bytes = Array(text.utf8)
        let tokens = RawToken.tokens(in: bytes)
        return (ContactWords(bytes: bytes, tokens: tokens), tokens.count)
    }

    /// The first listing of each keyword, as a `KeywordTable` of that list would find it.
    static func firstListings<Value>(_ list: [(String, Value)]) -> [(String, Value)] {
        var seen: Set<String> = []
        return list.filter { seen.insert($0.0.lowercased()).inserted }
    }

    @Test func everyListedWordMeansToEachScannerWhatItsOwnListSays() {
        for (keyword, word) in Self.firstListings(PrivateContactScanner.wordList) {
            let (words, count) = Self.words(keyword.uppercased())
            #expect(count == 1 && words.secrecy(0) == word, "\(keyword)")
        }
        for (keyword, word) in Self.firstListings(ContactInvitationScanner.wordList) {
            let (words, _) = Self.words(keyword.capitalized)
            #expect(words.invitation(0).map { "\($0)" } == "\(word)", "\(keyword)")
        }
        for keyword in CredentialScanner.keywordList {
            #expect(Self.words(keyword).0.credential(0) == keyword)
        }
        for (keyword, platform) in Self.firstListings(SocialMediaScanner.platformWords) {
            #expect(Self.words(keyword).0.platform(0) == platform, "\(keyword)")
        }
        for keyword in CredentialScanner.accountWordList {
            #expect(Self.words(keyword).0.isAccountWord(0), "\(keyword)")
        }
    }

    @Test func aWordOfOneListIsNothingToTheOthers() {
        let (words, count) = Self.words("password tell snap account")
        #expect(count == 4)
        #expect(words.credential(0) == "password" && words.secrecy(0) == .guarded && words.platform(0) == nil)
        #expect(words.secrecy(1) == .telling && words.credential(1) == nil && words.invitation(1) == nil)
        #expect(words.platform(2) == "snapchat" && words.secrecy(2) == nil && !words.isAccountWord(2))
        #expect(words.isAccountWord(3) && words.credential(3) == nil)
    }

    @Test func tokensThatAreNoKeywordMeanNothing() {
        #expect(ContactWords.keywordsHaveNoDigits)
        let (words, count) = Self.words("passwords2 pin4821 tellings zebra")
        #expect(count == 4)
        for index in 0..<count {
            #expect(words.secrecy(index) == nil && words.invitation(index) == nil && words.credential(index) == nil
                    && words.platform(index) == nil && !words.isAccountWord(index), "token \(index)")
        }
    }
}
