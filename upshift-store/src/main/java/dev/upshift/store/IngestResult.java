package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one ingested batch did (SPEC §8.3). A batch is all or nothing: when {@link #conflicts()} is
 * non-empty nothing was stored, the counts are zero and {@link #dataVersion()} is the unchanged
 * version. Otherwise the batch was committed before this value was returned. Immutable.
 *
 * @param created records whose id was new
 * @param unchanged records stored already with the same content, left as they were
 * @param corrected records whose stored content was replaced ({@link IngestMode#CORRECT} only)
 * @param conflicts ids stored already with different content, in batch order ({@link
 *     IngestMode#STRICT} only)
 * @param dataVersion the workspace's data version after the batch
 */
public record IngestResult(
    int created, int unchanged, int corrected, List<String> conflicts, long dataVersion) {

  public IngestResult {
    if (created < 0 || unchanged < 0 || corrected < 0) {
      throw new IllegalArgumentException(
          "negative count: created " + created + ", unchanged " + unchanged + ", corrected " + corrected);
    }
    conflicts = List.copyOf(requireNonNull(conflicts, "conflicts is null"));
    if (!conflicts.isEmpty() && created + unchanged + corrected > 0) {
      throw new IllegalArgumentException("a batch with conflicts stores nothing");
    }
    if (dataVersion < 0) {
      throw new IllegalArgumentException("dataVersion < 0: " + dataVersion);
    }
  }

  /** Whether the batch was stored (it had no conflicts). */
  public boolean stored() {
    return conflicts.isEmpty();
  }

  static IngestResult refused(List<String> conflicts, long dataVersion) {
    return new IngestResult(0, 0, 0, conflicts, dataVersion);
  }
}
