/// Bar charts drawn on the server as SVG text: no script, no external file, colours as
/// presentation attributes (allowed by the CSP), a `<title>` and `<desc>` for screen
/// readers (each chart has its numbers in a table beside it too). Pure.
enum SVGChart {
    /// One coloured series of a stacked chart.
    struct Series {
        var name: String
        var colour: String
        var values: [Int]
    }

    static let palette = ["#1b6ca8", "#c0392b", "#e67e22", "#7d3c98", "#27ae60", "#7f8c8d", "#2c3e50"]

    /// Vertical stacked bars, one per category (a day or a week), with a legend.
    static func stackedBars(title: String, categories: [String], series: [Series], width: Int = 720, height: Int = 260) -> String {
        let left = 40, bottom = 40, top = 20
        let plotHeight = height - bottom - top
        let totals = categories.indices.map { index in series.reduce(0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        let maximum = max(totals.max() ?? 0, 1)
        let slot = Double(width - left - 10) / Double(max(categories.count, 1))
        let barWidth = max(slot * 0.7, 1)
        var parts: [String] = []
        parts.append(axis(left: left, top: top, bottom: height - bottom, right: width - 10, maximum: maximum))
        for (index, category) in categories.enumerated() {
            var y = Double(height - bottom)
            let x = Double(left) + Double(index) * slot + (slot - barWidth) / 2
            for entry in series {
                let value = entry.values.indices.contains(index) ? entry.values[index] : 0
                guard value > 0 else { continue }
                let barHeight = Double(plotHeight) * Double(value) / Double(maximum)
                y -= barHeight
                parts.append(
                    "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth))\" height=\"\(format(barHeight))\" fill=\"\(entry.colour)\"><title>\(escape(category)): \(escape(entry.name)) \(value)</title></rect>")
            }
            if categories.count <= 16 || index % max(categories.count / 8, 1) == 0 {
                parts.append(
                    "<text x=\"\(format(x + barWidth / 2))\" y=\"\(height - bottom + 14)\" font-size=\"10\" text-anchor=\"middle\">\(escape(shortLabel(category)))</text>")
            }
        }
        for (index, entry) in series.enumerated() {
            let x = left + index * 110
            parts.append("<rect x=\"\(x)\" y=\"\(height - 14)\" width=\"10\" height=\"10\" fill=\"\(entry.colour)\"/>")
            parts.append("<text x=\"\(x + 14)\" y=\"\(height - 5)\" font-size=\"11\">\(escape(entry.name))</text>")
        }
        return svg(title: title, width: width, height: height, body: parts)
    }

    /// Horizontal bars with their value written at the end (`label` formats it).
    static func horizontalBars(
        title: String, rows: [(label: String, value: Double)], maximum: Double? = nil, label: (Double) -> String, width: Int = 720
    ) -> String {
        let rowHeight = 24, left = 260
        let height = max(rows.count, 1) * rowHeight + 10
        let top = max(maximum ?? rows.map(\.value).max() ?? 0, 0.000_001)
        var parts: [String] = []
        for (index, row) in rows.enumerated() {
            let y = 5 + index * rowHeight
            let barWidth = Double(width - left - 70) * min(row.value / top, 1)
            parts.append("<text x=\"\(left - 6)\" y=\"\(y + 15)\" font-size=\"11\" text-anchor=\"end\">\(escape(row.label))</text>")
            parts.append(
                "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(format(max(barWidth, 1)))\" height=\"\(rowHeight - 8)\" fill=\"\(palette[index % palette.count])\"/>")
            parts.append(
                "<text x=\"\(format(Double(left) + max(barWidth, 1) + 6))\" y=\"\(y + 15)\" font-size=\"11\">\(escape(label(row.value)))</text>")
        }
        if rows.isEmpty {
            parts.append("<text x=\"10\" y=\"20\" font-size=\"12\">Nothing in this period.</text>")
        }
        return svg(title: title, width: width, height: height, body: parts)
    }

    private static func axis(left: Int, top: Int, bottom: Int, right: Int, maximum: Int) -> String {
        "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\" stroke=\"#555\"/>"
            + "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#555\"/>"
            + "<text x=\"\(left - 4)\" y=\"\(top + 4)\" font-size=\"10\" text-anchor=\"end\">\(maximum)</text>"
            + "<text x=\"\(left - 4)\" y=\"\(bottom)\" font-size=\"10\" text-anchor=\"end\">0</text>"
    }

    private static func svg(title: String, width: Int, height: Int, body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title>\(escape(title))</title><desc>\(escape(title)); the numbers are in the table below the chart.</desc>"
            + body.joined() + "</svg>"
    }

    /// `2026-11-24` → `11-24`; weeks as they are.
    private static func shortLabel(_ category: String) -> String {
        category.count == 10 ? String(category.dropFirst(5)) : category
    }

    private static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }

    /// XML text escaping for labels.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
