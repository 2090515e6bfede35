import ChaperoneModel
import Logging
import NIOCore
import NIOPosix
import Store
import Synchronization

/// What every connection of one server shares: the current snapshot, the store, the
/// thread pool scans run on (one thread per admitted scan), the pool spool files are
/// written and read on (so a long scan never delays another message's body), the scan
/// admission, the logger, the statistics, and the open connections (so a shutdown can
/// drain them). Thread-safe.
final class MilterServerCore: Sendable {
    let store: any DecisionStore
    let logger: Logger
    let threadPool: NIOThreadPool
    let ioThreadPool: NIOThreadPool
    let admission: ScanAdmission
    private let snapshotBox: Mutex<MilterSnapshot>
    private let statisticsBox = Mutex(MilterStatistics())
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])
    private let decisionsInFlight = Mutex(0)

    init(snapshot: MilterSnapshot, store: any DecisionStore, logger: Logger, threadPool: NIOThreadPool,
         ioThreadPool: NIOThreadPool, scanWorkers: Int) {
        self.snapshotBox = Mutex(snapshot)
        self.store = store
        self.logger = logger
        self.threadPool = threadPool
        self.ioThreadPool = ioThreadPool
        self.admission = ScanAdmission(workers: scanWorkers, budgetBytes: snapshot.configuration.milter.maxScanBytesInFlight)
    }

    var snapshot: MilterSnapshot {
        get { self.snapshotBox.withLock { $0 } }
        set {
            self.snapshotBox.withLock { $0 = newValue }
            self.admission.budgetBytes = newValue.configuration.milter.maxScanBytesInFlight
        }
    }

    var statistics: MilterStatistics {
        var statistics = self.statisticsBox.withLock { $0 }
        statistics.peakScanBytesInFlight = self.admission.load.peakBytesInFlight
        return statistics
    }

    func updateStatistics(_ body: (inout MilterStatistics) -> Void) {
        self.statisticsBox.withLock { body(&$0) }
    }

    /// Counts `channel` among the open connections, unless `limit` are already open;
    /// returns false (and counts the refusal) then. Atomic, so a burst cannot overshoot.
    func admit(_ channel: any Channel, limit: Int) -> Bool {
        let key = ObjectIdentifier(channel)
        let admitted = self.connections.withLock { open -> Bool in
            guard open.count < limit else { return false }
            open[key] = channel
            return true
        }
        guard admitted else {
            self.updateStatistics { $0.connectionsRefused += 1 }
            return false
        }
        self.updateStatistics { $0.connectionsAccepted += 1 }
        channel.closeFuture.whenComplete { [self] _ in
            _ = self.connections.withLock { $0.removeValue(forKey: key) }
        }
        return true
    }

    var openConnections: [any Channel] { self.connections.withLock { Array($0.values) } }

    var decisionsPending: Int { self.decisionsInFlight.withLock { $0 } }

    func decisionStarted() { self.decisionsInFlight.withLock { $0 += 1 } }

    func decisionFinished() { self.decisionsInFlight.withLock { $0 -= 1 } }
}
