/// An image's width and height in pixels, as its header states them.
public struct PixelSize: Codable, Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The shorter and longer sides.
    public var shortSide: Int { min(width, height) }
    public var longSide: Int { max(width, height) }
}
