/// Thrown from ZIPFoundation's consumer to stop inflating at the expansion limit.
struct ArchiveLimitReached: Error {}
