import Testing

// Tests for TextExtraction arrive with the module.
@Suite struct TextExtractionScaffold {}
