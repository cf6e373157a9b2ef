package dev.upshift.store;

/** What ingestion does with a record whose id is stored already with different content (SPEC §8.3). */
public enum IngestMode {
  /** A changed record is a conflict: the whole batch is refused and nothing is stored. */
  STRICT,
  /** {@code ?mode=correct}: a changed record replaces the stored one and counts as corrected. */
  CORRECT
}
