import ChaperoneModel
import Notify
import Review

extension QuarantineCommand {
    /// The review workflow as configured: this host's Postfix instance and the
    /// milter-free reinjection listener.
    static func workflow(store: StoreOptions, configuration: Configuration) throws -> ReviewWorkflow {
        ReviewWorkflow(
            database: try store.openDatabase(configuration),
            postfix: PostfixCommandQueue(configDirectory: configuration.release.postfixConfigDirectory),
            reinjector: SMTPSubmitter(listener: try SMTPListenerAddress(parsing: configuration.release.reinjectListener)))
    }
}
