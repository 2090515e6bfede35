/// Every address some school of a trust knows — a pupil's own, a contact's, a member of
/// staff's personal address — in one blocked Bloom filter, so that classifying a
/// recipient no roster knows (most of them: a club, a supplier, an exam board) asks none
/// of the school's own address tables. Those are cold in the cache by the time a
/// school's next message comes; this filter is read for every message, so it stays warm.
///
/// No false negatives: an ASCII address that a roster's table would find is always let
/// through (tables match by `String` equality, so a stored address that is not ASCII is
/// added in its ASCII-equivalent form too, see `TextKeyIndex.asciiEquivalent`), and an
/// address that is not ASCII is always let through. A false positive (two or three in a
/// hundred: 12 bits an address) only costs the lookups the filter would have saved.
///
/// It also holds the trust's own domains (`mayBeOnDomain`): every school's, pupil and
/// partner domain, so a recipient at none of them (a club, a supplier) is classified
/// without reading any school's own domain lists.
public struct KnownAddressFilter: Sendable, Equatable {
    let blocks: [UInt64]
    /// The domains' filter; empty when some domain is not ASCII (then every domain may be one).
    let domainBlocks: [UInt64]

    /// The filter of every pupil, contact and staff personal address on `rosters`, and
    /// of `domains` (lower-cased).
    public init(_ rosters: [Roster], domains: [String] = []) {
        self.init(addresses: [], rosters: rosters, domains: domains)
    }

    /// The filter of `addresses` (lower-cased) and of every pupil, contact and staff
    /// personal address on `rosters`, and of `domains` (lower-cased).
    public init(addresses: [String], rosters: [Roster] = [], domains: [String] = []) {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(rosters.reduce(0) { $0 + $1.pupilsByEmail.count + $1.contactsByEmail.count + $1.staffByPersonalEmail.count })
        func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            if UTF8Text.isASCII(bytes) {
                hashes.append(Self.hash(bytes))
            } else if let folded = TextKeyIndex.asciiEquivalent(bytes) {
                folded.withUnsafeBufferPointer { hashes.append(Self.hash($0)) }
            }
        }
        for address in addresses {
            var address = address
            address.withUTF8(add)
        }
        for roster in rosters {
            roster.pupilsByEmail.forEachAddressUTF8(add)
            roster.contactsByEmail.forEachAddressUTF8(add)
            for address in roster.staffByPersonalEmail.keys {
                var address = address
                address.withUTF8(add)
            }
        }
        blocks = Self.filter(of: hashes)
        var domainHashes: [UInt64] = []
        for domain in domains {
            var domain = domain
            guard let hash = domain.withUTF8({ UTF8Text.isASCII($0) ? Self.hash($0) : nil }) else { domainHashes = []; break }
            domainHashes.append(hash)
        }
        domainBlocks = domainHashes.count == domains.count ? Self.filter(of: domainHashes) : []
    }

    /// A blocked Bloom filter of `hashes`: a power of two of blocks, about 12 bits each.
    static func filter(of hashes: [UInt64]) -> [UInt64] {
        var count = 1
        while count * 64 < hashes.count * 12 { count <<= 1 }
        var blocks = [UInt64](repeating: 0, count: count)
        for hash in hashes { blocks[Self.block(hash, count: count)] |= Self.bits(hash) }
        return blocks
    }

    /// False only when `domain` (lower-cased) is none of the filter's domains nor a
    /// subdomain of one (`RecipientClassifier.matches` would find none of them).
    public func mayBeOnDomain(_ domain: String) -> Bool {
        guard !domainBlocks.isEmpty else { return true }
        var domain = domain
        return domain.withUTF8 { bytes in
            guard UTF8Text.isASCII(bytes) else { return true }
            var start = 0
            while start < bytes.count {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: bytes[start...])), bits = Self.bits(hash)
                if domainBlocks[Self.block(hash, count: domainBlocks.count)] & bits == bits { return true }
                guard let dot = bytes[start...].firstIndex(of: UInt8(ascii: ".")) else { break }
                start = dot + 1
            }
            return false
        }
    }

    /// False only when no roster the filter was made from has `address` (normalised:
    /// trimmed and lower-cased, as `RecipientClassifier.normalise` makes it).
    public func mayKnow(_ address: String) -> Bool {
        var address = address
        return address.withUTF8 { bytes in
            guard UTF8Text.isASCII(bytes) else { return true }
            let hash = Self.hash(bytes), bits = Self.bits(hash)
            return blocks[Self.block(hash, count: blocks.count)] & bits == bits
        }
    }

    @inline(__always)
    static func block(_ hash: UInt64, count: Int) -> Int { Int(truncatingIfNeeded: hash >> 20) & (count - 1) }

    /// Two bits of a 64-bit block, from the hash's top twelve bits.
    @inline(__always)
    static func bits(_ hash: UInt64) -> UInt64 { (1 as UInt64) << (hash >> 52 & 63) | (1 as UInt64) << (hash >> 58 & 63) }

    /// A hash of `bytes` (`ByteHash`).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteHash.hash(bytes, 0, bytes.count) }
}
