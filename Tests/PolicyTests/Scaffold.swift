import Testing

// Tests for Policy arrive with the module.
@Suite struct PolicyScaffold {}
