/// Reads `xl/sharedStrings.xml`: one string per `si`, made of all its `t` runs.
struct SharedStringsText {
    private(set) var strings: [String] = []
    private var current: String?
    private var inText = false

    mutating func enter(_ name: String, _ text: String?) {
        switch name {
        case "si": current = ""
        case "t": inText = true
        case "#text" where inText: current? += text ?? ""
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
