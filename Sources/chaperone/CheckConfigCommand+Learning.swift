import ChaperoneModel
import Foundation

extension CheckConfigCommand {
    /// The learned include file and the rules running in shadow.
    static func learningLines(_ c: Configuration) -> [String] {
        var lines: [String] = []
        if let path = c.learning.learnedFile {
            let count = c.learned.acceptedSuggestions.count
            let state = FileManager.default.fileExists(atPath: path)
                ? "\(count) accepted suggestion\(count == 1 ? "" : "s")" : "no file yet (nothing accepted)"
            lines.append("  learned: \(path), \(state)")
        } else {
            lines.append("  learned: none (learning.learned_file is null)")
        }
        if !c.shadow.isEmpty {
            let rules = c.shadow.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.rawValue)" }
            lines.append("  shadow: " + rules.joined(separator: ", ") + " (recorded only; messages get the live action)")
        }
        return lines
    }
}
