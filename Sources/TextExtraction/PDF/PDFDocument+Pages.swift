extension PDFDocument {
    /// One page: its dictionary and its resources (inherited from the tree when absent).
    struct Page {
        var dictionary: [String: PDFObject]
        var resources: [String: PDFObject]?
    }

    /// The pages in reading order, from the catalog's page tree; when the tree cannot be
    /// found, every /Type /Page object in object-number order. At most `limit` pages.
    func pages(limit: Int) -> [Page] {
        let fromTree = pageTree(limit: limit)
        if !fromTree.isEmpty { return fromTree }
        return objects.filter { $0.value.dictionary?["Type"]?.name == "Page" }
            .sorted { $0.key < $1.key }
            .prefix(limit)
            .compactMap { entry in
                entry.value.dictionary.map { Page(dictionary: $0, resources: value("Resources", in: $0).dictionary) }
            }
    }

    private func pageTree(limit: Int) -> [Page] {
        let root = trailers.last { $0["Root"] != nil }.map { resolve($0["Root"]) }
            ?? objects.values.first { $0.dictionary?["Type"]?.name == "Catalog" }
        guard let catalog = root?.dictionary else { return [] }
        var stack: [(node: PDFObject, inherited: [String: PDFObject]?)] = [(catalog["Pages"] ?? .null, nil)]
        var visited: Set<Int> = []
        var pages: [Page] = []
        var steps = 0
        while let (node, inherited) = stack.popLast(), pages.count < limit, steps < 1_000_000 {
            steps += 1
            if case .reference(let number) = node {
                guard visited.insert(number).inserted else { continue }
            }
            guard let dictionary = resolve(node).dictionary else { continue }
            let resources = value("Resources", in: dictionary).dictionary ?? inherited
            if let kids = value("Kids", in: dictionary).array, dictionary["Type"]?.name != "Page" {
                for kid in kids.reversed() { stack.append((kid, resources)) }
            } else {
                pages.append(Page(dictionary: dictionary, resources: resources))
            }
        }
        return pages
    }
}
