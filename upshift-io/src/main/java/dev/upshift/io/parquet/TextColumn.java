package dev.upshift.io.parquet;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.vector.VarCharVector;

/**
 * One batch of a text column, its bytes copied onto the heap once per batch so that cells are
 * looked up byte by byte and turned into a string only the first time a text is seen: plans,
 * products, statuses and the like repeat a few values millions of times. Customer ids, mostly
 * distinct, are compared with the previous row's instead ({@link #same}). Reused from batch to
 * batch; not thread-safe.
 */
final class TextColumn {
  private static final int INITIAL_SLOTS = 64;

  private final NullMask nulls = new NullMask();
  private byte[] bytes = new byte[0];
  private int[] offsets = new int[0];

  // The texts seen, by their bytes (open addressing), with each one's parsed word once parsed.
  private byte[][] keys = new byte[INITIAL_SLOTS][];
  private String[] texts = new String[INITIAL_SLOTS];
  private Optional<?>[] words = new Optional<?>[INITIAL_SLOTS];
  private int distinct;
  private int lastSlot = -1;

  /** Takes the next batch of the column, or {@code null} when the file lacks the column. */
  void load(VarCharVector batch) {
    nulls.load(batch);
    if (batch == null) {
      return;
    }
    int rows = batch.getValueCount();
    if (offsets.length < rows + 1) {
      offsets = new int[Math.max(rows + 1, offsets.length * 2)];
    }
    if (rows == 0) {
      offsets[0] = 0;
    } else {
      batch.getOffsetBuffer().nioBuffer(0, (rows + 1) * VarCharVector.OFFSET_WIDTH)
          .order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(offsets, 0, rows + 1);
    }
    int length = offsets[rows];
    if (bytes.length < length) {
      bytes = new byte[Math.max(length, bytes.length * 2)];
    }
    batch.getDataBuffer().getBytes(0, bytes, 0, length);
  }

  /** Whether the cell is null or the empty string: both mean "not given", as an empty CSV cell. */
  boolean isEmpty(int row) {
    return nulls.isNull(row) || offsets[row] == offsets[row + 1];
  }

  int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /**
   * Whether a (non-empty) cell is plain: printable ASCII, without spaces at either end. The CSV
   * reader would trim such spaces and decodes other bytes with more care, so anything else is left
   * to it.
   */
  boolean isPlain(int row) {
    int from = offsets[row];
    int to = offsets[row + 1];
    if (bytes[from] == ' ' || bytes[to - 1] == ' ') {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Whether two cells of this batch hold the same text. */
  boolean same(int row, int other) {
    return Arrays.equals(bytes, offsets[row], offsets[row + 1], bytes, offsets[other],
        offsets[other + 1]);
  }

  /**
   * A non-empty cell as a string, one shared instance per distinct text, or {@code null} when the
   * cell is not {@link #isPlain plain}.
   */
  String text(int row) {
    int slot = slot(row);
    return slot < 0 ? null : texts[slot];
  }

  /**
   * A non-empty cell parsed by {@code parser}, which runs once per distinct text (statuses, kinds,
   * billing periods and currencies are few); {@code null} when the cell is not plain.
   */
  @SuppressWarnings("unchecked")
  <T> Optional<T> word(int row, Function<String, Optional<T>> parser) {
    int slot = slot(row);
    if (slot < 0) {
      return null;
    }
    if (words[slot] == null) {
      words[slot] = parser.apply(texts[slot]);
    }
    return (Optional<T>) words[slot];
  }

  /**
   * The slot of the cell's text in the table of texts seen, after adding it if it is new, or -1
   * when the cell is not plain. Only plain texts ever enter the table.
   */
  private int slot(int row) {
    int from = offsets[row];
    int to = offsets[row + 1];
    if (lastSlot >= 0 && holds(from, to, keys[lastSlot])) {
      return lastSlot; // neighbouring rows often repeat a value
    }
    int hash = 1;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    int mask = keys.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    while (keys[slot] != null) {
      if (holds(from, to, keys[slot])) {
        lastSlot = slot;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    if (!isPlain(row)) {
      return -1;
    }
    keys[slot] = Arrays.copyOfRange(bytes, from, to);
    texts[slot] = newString(row);
    if (++distinct * 2 > keys.length) {
      grow();
      return slot(row);
    }
    lastSlot = slot;
    return slot;
  }

  /**
   * Whether {@code bytes[from..to)} equals {@code key}: a plain loop, cheaper than {@link
   * Arrays#equals(byte[], int, int, byte[], int, int)} for the few bytes of a plan or a status.
   */
  private boolean holds(int from, int to, byte[] key) {
    if (to - from != key.length) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (bytes[from + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  /** Doubles the table; parsed words are parsed again as they come (there are few). */
  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldTexts = texts;
    keys = new byte[oldKeys.length * 2][];
    texts = new String[keys.length];
    words = new Optional<?>[keys.length];
    lastSlot = -1;
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      byte[] key = oldKeys[i];
      if (key != null) {
        int hash = 1;
        for (byte b : key) {
          hash = 31 * hash + b;
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        texts[slot] = oldTexts[i];
      }
    }
  }

  /** A plain cell as a new string, for a column of mostly distinct values (customer ids). */
  String newString(int row) {
    return new String(bytes, offsets[row], length(row), StandardCharsets.ISO_8859_1);
  }
}
