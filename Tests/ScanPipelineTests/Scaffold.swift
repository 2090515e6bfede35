import Testing

// Tests for ScanPipeline arrive with the module.
@Suite struct ScanPipelineScaffold {}
