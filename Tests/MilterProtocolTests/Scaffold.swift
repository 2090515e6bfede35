import Testing

// Tests for MilterProtocol arrive with the module.
@Suite struct MilterProtocolScaffold {}
