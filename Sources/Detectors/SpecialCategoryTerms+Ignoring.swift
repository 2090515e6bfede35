extension SpecialCategoryTerms {
    /// These families without the terms in `ignored` (compared lower-cased, a leading
    /// `=` of an exact-case term set aside): the terms a school's reviews showed to be
    /// ordinary words in its mail (`learned.yaml`).
    public func ignoring(_ ignored: [String]) -> SpecialCategoryTerms {
        guard !ignored.isEmpty else { return self }
        let dropped = Set(ignored.map { $0.lowercased() })
        func key(_ term: String) -> String { (term.hasPrefix("=") ? String(term.dropFirst()) : term).lowercased() }
        return SpecialCategoryTerms(families: families.map { family in
            Family(name: family.name, terms: family.terms.filter { !dropped.contains(key($0)) })
        })
    }
}
