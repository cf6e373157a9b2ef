package dev.upshift.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * Which cells of one batch of a column are null, copied onto the heap once per batch: Arrow's own
 * accessors check bounds and reference counts on every call. Reused from batch to batch.
 */
final class NullMask {
  private byte[] bits = new byte[0];
  private boolean absent;
  private boolean none;

  /** Takes the next batch of a column; {@code null} when the file lacks the column (all null). */
  void load(FieldVector vector) {
    absent = vector == null;
    if (absent) {
      return;
    }
    int rows = vector.getValueCount();
    none = vector.getNullCount() == 0;
    if (none) {
      return;
    }
    int bytes = (rows + 7) / 8;
    if (bits.length < bytes) {
      bits = new byte[Math.max(bytes, bits.length * 2)];
    }
    vector.getValidityBuffer().getBytes(0, bits, 0, bytes);
  }

  boolean isNull(int row) {
    return absent || !none && (bits[row >>> 3] & (1 << (row & 7))) == 0;
  }
}
