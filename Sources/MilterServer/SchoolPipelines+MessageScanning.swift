import ChaperoneModel
import ScanPipeline

/// The scanner `serve` runs: each message goes to its school's pipeline; mail from no
/// school throws `UnknownSchoolError` (with `unknown_school: fail`), which the session
/// turns into the fail action.
extension SchoolPipelines: MessageScanning {
    public var configVersion: String { version }
}
