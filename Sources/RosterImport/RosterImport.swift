/// RosterImport (in progress).
public enum RosterImportModule {}
