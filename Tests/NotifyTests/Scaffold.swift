import Testing

// Tests for Notify arrive with the module.
@Suite struct NotifyScaffold {}
