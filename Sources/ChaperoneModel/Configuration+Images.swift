extension Configuration {
    /// §5: images of pupils follow the consent the school holds, and logos are not photos.
    public struct Images: Codable, Hashable, Sendable {
        /// What a photo does when a pupil it names has no recorded consent, per route.
        /// A recorded refusal always takes `actions.images`.
        public var unknownConsent = UnknownConsent()
        /// Hold every image of pupils sent outside the school for review, even when
        /// every pupil has press-and-media consent (§5: senior management knows).
        public var reviewPressImages: Bool = false
        /// An image whose header gives both sides at or below this many pixels (an icon,
        /// a logo, a signature picture) is not a photo of a pupil.
        public var decorationMaxSidePixels: Int = 160
        /// A letterhead banner: its short side is at or below `decorationMaxSidePixels`
        /// and its long side at least this many times the short side.
        public var bannerMinAspectRatio: Double = 3
        /// A decorative image is also at most this many bytes; a larger one counts as a photo.
        public var decorationMaxBytes: Int = 64 * 1024
        public init() {}
    }

    /// The action for a photo naming pupils whose consent is not recorded, by where it goes.
    public struct UnknownConsent: Codable, Hashable, Sendable {
        /// Parents and carers (newsletters): the school-publications consent is needed.
        public var parents: Action = .quarantine
        /// Staff and the school's own accounts. Mail inside the school is not a
        /// publication, and a school that has not imported consents has only unknowns,
        /// so the default accepts (a recorded refusal is still held).
        public var internalRecipients: Action = .accept
        /// The press, partners and suppliers: the press-and-media consent is needed.
        public var outside: Action = .quarantine
        public init() {}
    }
}
