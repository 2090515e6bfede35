/// ScanPipeline (in progress).
public enum ScanPipelineModule {}
