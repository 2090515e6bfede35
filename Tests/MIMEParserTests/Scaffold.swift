import Testing

// Tests for MIMEParser arrive with the module.
@Suite struct MIMEParserScaffold {}
