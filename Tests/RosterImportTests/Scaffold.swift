import Testing

// Tests for RosterImport arrive with the module.
@Suite struct RosterImportScaffold {}
