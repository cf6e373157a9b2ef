package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of records with the costly half of ingesting it done: each record's canonical content
 * and its SHA-256. {@link Store#ingest(Workspace, RecordKind, List, IngestMode, long)} prepares its
 * batch itself; a bulk loader prepares the next batch on another thread while the store writes
 * the previous one ({@link Store#ingest(Workspace, RecordKind, PreparedBatch, IngestMode, long)}).
 * Immutable once built; its arrays are never handed out.
 */
public final class PreparedBatch {
  final String[] ids;
  final String[] contents;
  final String[] customerIds;
  final byte[][] hashes;
  final Map<String, Integer> positions;

  private PreparedBatch(List<DataRecord> records) {
    int n = records.size();
    ids = new String[n];
    contents = new String[n];
    customerIds = new String[n];
    hashes = new byte[n][];
    positions = new HashMap<>(n * 2);
    MessageDigest digest = CanonicalContent.sha256();
    for (int i = 0; i < n; i++) {
      DataRecord record = requireNonNull(records.get(i), "record is null");
      if (positions.putIfAbsent(record.id(), i) != null) {
        throw new IllegalArgumentException("id " + record.id() + " occurs twice in the batch");
      }
      ids[i] = record.id();
      contents[i] = CanonicalContent.write(record.fields());
      customerIds[i] = record.customerId(); // stored only for kinds found by customer
      hashes[i] = CanonicalContent.hash(digest, contents[i]);
    }
  }

  /**
   * Prepares records for ingestion.
   *
   * @throws IllegalArgumentException if an id occurs twice
   */
  public static PreparedBatch of(List<DataRecord> records) {
    return new PreparedBatch(requireNonNull(records, "records is null"));
  }

  /** The number of records. */
  public int size() {
    return ids.length;
  }
}
