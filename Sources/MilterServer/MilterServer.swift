/// MilterServer (in progress).
public enum MilterServerModule {}
