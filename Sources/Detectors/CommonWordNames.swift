/// Forenames and surnames that are also ordinary English words ("Will", "Rose",
/// "Summer", "Brook", "Hill"). A roster name containing one only matches when written
/// as a capitalised full name, so "we will park here" never becomes "Will Park".
enum CommonWordNames {
    static let words: Set<String> = [
        "will", "rose", "summer", "brook", "hill", "grace", "hope", "faith", "joy", "may", "april",
        "june", "august", "autumn", "winter", "ruby", "amber", "holly", "ivy", "lily", "daisy",
        "poppy", "jack", "mark", "bill", "frank", "bob", "art", "guy", "pat", "sue", "dawn", "eve",
        "rich", "hunter", "mason", "cook", "baker", "wood", "woods", "green", "brown", "white",
        "black", "young", "king", "hall", "wall", "field", "fields", "lane", "park", "ford",
        "marsh", "stone", "rock", "bush", "bird", "fox", "wolf", "lamb", "swift", "sharp",
        "hardy", "long", "short", "little", "north", "south", "west", "east", "church", "bell",
        "cross", "rivers", "banks", "miles", "price", "cash", "day", "knight", "page", "star",
        "storm", "river", "sky", "rain", "dale", "glen", "heath", "moss", "reed", "fern", "robin",
        "jay", "wren", "sage", "chase", "grant", "gray", "grey", "noble", "read", "love", "story",
        "angel", "major", "duke", "earl", "bishop", "marshall", "carter", "cooper", "turner",
        "walker", "ward", "bond", "gold", "silver", "penny", "sandy", "rusty", "blue", "honey",
        "jade", "liberty", "rocky", "sunny", "crystal", "harmony", "destiny", "victory", "north",
        "august", "bright", "best", "good", "hope", "lake", "pool", "tree", "shepherd", "mills",
        "mill", "bridge", "waters", "brooks", "house", "key", "keys", "law", "low", "moon",
        "rice", "salt", "small", "strong", "sweet", "tower", "well", "wells", "wise", "worth",
        "rowan", "willow", "hazel", "ash", "aspen", "basil", "clay", "cliff", "dean", "drew",
        "gene", "glenn", "lance", "max", "miles", "neil", "nick", "norman", "rob", "ray", "roger",
        "royal", "russell", "sterling", "ted", "terry", "tim", "tom", "will", "parker", "page",
    ]
}

extension CommonWordNames {
    /// Every word packed into one integer (its bytes big-endian, zero-padded), sorted, so
    /// a name's word is looked up by binary search without making a String. Every word
    /// is ASCII and at most 8 bytes (`longestWord`); normalised words never hold a zero byte.
    static let packedWords: [UInt64] = words.compactMap { word in
        packed(Array(word.utf8)[...])
    }.sorted()

    static let longestWord = words.map(\.utf8.count).max() ?? 0

    static func packed(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in word { value = value << 8 | UInt64(byte) }
        return value << (8 * UInt64(8 - word.count))
    }

    /// `word` (normalised bytes) is one of `words`.
    static func contains(_ word: ArraySlice<UInt8>) -> Bool {
        guard longestWord <= 8 else { return words.contains(String(decoding: word, as: UTF8.self)) }
        guard let key = packed(word) else { return false }
        var lower = 0, upper = packedWords.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if packedWords[middle] < key { lower = middle + 1 } else { upper = middle }
        }
        return lower < packedWords.count && packedWords[lower] == key
    }
}
