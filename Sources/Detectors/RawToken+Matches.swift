extension Array where Element == RawToken {
    /// Walks the tokens left to right and tries `match` at each index. `match` returns a
    /// hit and how many tokens it covers; the walk resumes after them (always at least
    /// one token on), so hits never overlap and the walk always ends.
    func nonOverlappingMatches<Hit>(_ match: (Int) -> (Hit, Int)?) -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index < count {
            if let (hit, consumed) = match(index) {
                hits.append(hit)
                index += Swift.max(consumed, 1)
            } else {
                index += 1
            }
        }
        return hits
    }
}
