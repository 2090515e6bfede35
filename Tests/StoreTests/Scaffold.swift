import Testing

// Tests for Store arrive with the module.
@Suite struct StoreScaffold {}
