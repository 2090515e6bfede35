/// Store (in progress).
public enum StoreModule {}
