/// Policy (in progress).
public enum PolicyModule {}
