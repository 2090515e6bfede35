/// Special-category term families (safeguarding, SEND, health, disadvantage,
/// characteristics, behaviour, attendance), kept as data so a school can extend them. Terms are
/// matched whole-word and case-insensitively after normalisation; a term written with
/// a leading `=` (`=ADD`, `=PP`) must appear in exactly that case, for abbreviations
/// that are also ordinary words.
public struct SpecialCategoryTerms: Codable, Hashable, Sendable {
    /// One family of terms with a shared sensitivity.
    public struct Family: Codable, Hashable, Sendable {
        /// Short name used in findings' `detail` (`safeguarding`, `send`, …).
        public var name: String
        public var terms: [String]

        public init(name: String, terms: [String]) {
            self.name = name
            self.terms = terms
        }
    }

    public var families: [Family]

    public init(families: [Family]) {
        self.families = families
    }
}
