/// TextExtraction (in progress).
public enum TextExtractionModule {}
