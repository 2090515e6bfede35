public enum TextExtractionPlaceholder {}
