/// MilterProtocol (in progress).
public enum MilterProtocolModule {}
