/// Many strings in one byte buffer: string `i` is the UTF-8 bytes `ends[i-1]..<ends[i]`.
/// A roster keeps every pupil's and contact's text this way, so a 150,000-pupil trust
/// holds a few large arrays instead of a million small heap objects, and building or
/// dropping a roster costs one allocation per column, not one per value.
public struct PackedStrings: Sendable, Hashable {
    /// Every string's UTF-8 bytes, one after another.
    public private(set) var bytes: [UInt8] = []
    /// The end offset in `bytes` of each string.
    private var ends: [Int32] = []

    public init() {}

    /// The number of strings held.
    public var count: Int { ends.count }

    /// Appends `value` and returns its position.
    @discardableResult
    public mutating func append(_ value: String) -> Int {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        precondition(bytes.count <= Int(Int32.max), "roster text over 2 GB")
        ends.append(Int32(bytes.count))
        return ends.count - 1
    }

    /// Appends the string with UTF-8 bytes `value` (valid UTF-8) and returns its position.
    @discardableResult
    public mutating func append(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.append(contentsOf: value)
        precondition(bytes.count <= Int(Int32.max), "roster text over 2 GB")
        ends.append(Int32(bytes.count))
        return ends.count - 1
    }

    /// Reserves room for `strings` more strings of about `bytesEach` bytes.
    public mutating func reserve(strings: Int, bytesEach: Int) {
        ends.reserveCapacity(ends.count + strings)
        bytes.reserveCapacity(bytes.count + strings * bytesEach)
    }

    /// The byte range of string `position` in `bytes`.
    @inline(__always)
    public func range(_ position: Int) -> Range<Int> {
        (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
    }

    /// String `position` (stored bytes are always valid UTF-8: they came from a String).
    public subscript(position: Int) -> String {
        let range = range(position)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Calls `body` with string `position`'s UTF-8 bytes, without making a String.
    @inline(__always)
    public func withUTF8<Result>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = range(position)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The number of UTF-8 bytes of string `position`.
    @inline(__always)
    public func byteCount(_ position: Int) -> Int { range(position).count }
}

/// A list of strings per owner (a pupil's address lines, a contact's emails), packed:
/// owner `i`'s items are `items[starts[i]..<starts[i+1]]`.
public struct PackedLists: Sendable, Hashable {
    /// Every owner's items, one owner after another.
    public private(set) var items = PackedStrings()
    private var starts: [Int32] = [0]

    public init() {}

    /// The number of owners.
    public var count: Int { starts.count - 1 }

    /// Appends one owner's list.
    public mutating func append<Items: Sequence<String>>(_ list: Items) {
        for item in list { items.append(item) }
        starts.append(Int32(items.count))
    }

    /// Appends one item to the owner being built; `closeOwner()` ends its list.
    public mutating func appendItem(_ bytes: UnsafeBufferPointer<UInt8>) { items.append(bytes) }

    /// Ends the list of the owner being built (the items added since the last owner).
    public mutating func closeOwner() { starts.append(Int32(items.count)) }

    /// Appends one owner's list: the strings at `ranges` of `buffer` (valid UTF-8).
    public mutating func append(_ ranges: [Range<Int>], in buffer: UnsafeBufferPointer<UInt8>) {
        for range in ranges { items.append(UnsafeBufferPointer(rebasing: buffer[range])) }
        starts.append(Int32(items.count))
    }

    /// Calls `body` with the UTF-8 bytes of each of owner `owner`'s strings, in order.
    @inline(__always)
    public func forEachUTF8(_ owner: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for item in positions(owner) { try items.withUTF8(item, body) }
    }

    /// Positions in `items` of owner `owner`'s strings.
    @inline(__always)
    public func positions(_ owner: Int) -> Range<Int> { Int(starts[owner])..<Int(starts[owner + 1]) }

    /// Owner `owner`'s list, as Strings.
    public subscript(owner: Int) -> [String] { positions(owner).map { items[$0] } }
}
