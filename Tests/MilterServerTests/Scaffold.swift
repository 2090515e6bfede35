import Testing

// Tests for MilterServer arrive with the module.
@Suite struct MilterServerScaffold {}
