import Foundation
import Synchronization

/// The roster in force: how many pupils and when it was loaded, for the roster gauges.
final class RosterClock: Sendable {
    static let shared = RosterClock()
    private let state = Mutex<(pupils: Int, date: Date)?>(nil)

    func loaded(pupils: Int, at date: Date) { state.withLock { $0 = (pupils, date) } }
    var lastLoad: (pupils: Int, date: Date)? { state.withLock { $0 } }
}
