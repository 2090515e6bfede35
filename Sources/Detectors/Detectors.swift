/// Detectors (in progress).
public enum DetectorsModule {}
