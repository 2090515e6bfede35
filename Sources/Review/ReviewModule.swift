/// Review: quarantine release, delete and false-positive workflow (in progress).
enum ReviewModule {}
