import ArgumentParser
import ChaperoneModel
import Store

// Filters are typed on the command line: `--state held`, `--section 3`, `--action reject`.
extension QuarantineState: ExpressibleByArgument {}
extension Section: ExpressibleByArgument {}
extension Action: ExpressibleByArgument {}
extension SenderRole: ExpressibleByArgument {}
