import Testing

// Tests for Detectors arrive with the module.
@Suite struct DetectorsScaffold {}
