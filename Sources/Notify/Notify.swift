/// Notify (in progress).
public enum NotifyModule {}
