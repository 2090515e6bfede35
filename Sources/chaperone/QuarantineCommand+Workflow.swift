import ChaperoneModel
import Notify
import Review
import Store

extension QuarantineCommand {
    /// The review workflow as configured: the store and the milter-free reinjection
    /// listener. Nothing here needs root: who may open the store may review.
    static func workflow(database: any ReviewStore, configuration: Configuration) throws -> ReviewWorkflow {
        ReviewWorkflow(
            database: database,
            reinjector: SMTPSubmitter(listener: try SMTPListenerAddress(parsing: configuration.release.reinjectListener)),
            removedHeaders: [configuration.tagging.traceHeader].compactMap { $0 })
    }
}
