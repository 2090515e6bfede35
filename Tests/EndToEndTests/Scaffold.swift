import Testing

// Tests for EndToEnd arrive with the module.
@Suite struct EndToEndScaffold {}
