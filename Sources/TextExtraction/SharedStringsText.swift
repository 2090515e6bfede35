/// Reads `xl/sharedStrings.xml`: one string per `si`, made of all its `t` runs.
struct SharedStringsText {
    private(set) var strings: [String] = []
    private var current: String?
    private var inText = false

    mutating func enter(_ event: XMLTreeWalker.Event) {
        switch event {
        case .text(let text) where inText: current? += text
        case .element("si", _): current = ""
        case .element("t", _): inText = true
        default: break
        }
    }

    mutating func exit(_ name: String) {
        switch name {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "t": inText = false
        default: break
        }
    }
}
