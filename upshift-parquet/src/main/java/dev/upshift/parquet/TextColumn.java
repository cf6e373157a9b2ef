package dev.upshift.parquet;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.ViewVarCharVector;

/**
 * One batch of a text column, as Arrow string views copied onto the heap once per batch, so that
 * cells are compared and looked up without touching their bytes one by one, and turned into a
 * string only the first time a text is seen: plans, products, statuses and the like repeat a few
 * values millions of times. Customer ids, mostly distinct, are compared with the previous row's
 * instead ({@link #same}). Reused from batch to batch; not thread-safe.
 *
 * <p>A view is 16 bytes: the text's length (4 bytes), then for a text of at most 12 bytes the
 * text itself, zero-padded, and for a longer one its first 4 bytes, the index of the data buffer
 * holding it and its offset there. Read as two little-endian {@code long}s, the first ("head")
 * holds the length and up to 4 bytes, the second ("tail") the next 8 bytes of a short text. So two
 * short texts are equal exactly when both their heads and their tails are, and a short text never
 * equals a long one, whose head has a greater length. Bytes past a short text's end are masked
 * off rather than trusted to be zero.
 */
final class TextColumn {
  private static final int INLINE = BaseVariableWidthViewVector.INLINE_SIZE; // 12
  private static final int INITIAL_SLOTS = 64;

  private final NullMask nulls = new NullMask();
  /** Each cell's view as its head and tail ({@code views[2 * row]}, {@code views[2 * row + 1]}). */
  private long[] views = new long[0];
  /** The batch's data buffers (texts over 12 bytes) one after another, and where each starts. */
  private byte[] bytes = new byte[0];
  private int[] bufferStarts = new int[0];

  // The texts seen (open addressing): a short text by head and tail, a long one by head and bytes.
  private long[] keyHeads = new long[INITIAL_SLOTS];
  private long[] keyTails = new long[INITIAL_SLOTS];
  private byte[][] longKeys = new byte[INITIAL_SLOTS][];
  private String[] texts = new String[INITIAL_SLOTS];
  private Optional<?>[] words = new Optional<?>[INITIAL_SLOTS];
  private int distinct;
  private int lastSlot = -1;

  /** Takes the next batch of the column, or {@code null} when the file lacks the column. */
  void load(ViewVarCharVector batch) {
    nulls.load(batch);
    if (batch == null) {
      return;
    }
    int rows = batch.getValueCount();
    if (views.length < 2 * rows) {
      views = new long[Math.max(2 * rows, views.length * 2)];
    }
    if (rows > 0) {
      batch.getDataBuffer().nioBuffer(0, rows * BaseVariableWidthViewVector.ELEMENT_SIZE)
          .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(views, 0, 2 * rows);
    }
    List<ArrowBuf> buffers = batch.getDataBuffers();
    if (bufferStarts.length < buffers.size()) {
      bufferStarts = new int[Math.max(buffers.size(), bufferStarts.length * 2)];
    }
    long length = 0;
    for (int i = 0; i < buffers.size(); i++) {
      bufferStarts[i] = Math.toIntExact(length);
      length += buffers.get(i).capacity();
    }
    if (bytes.length < length) {
      bytes = new byte[Math.toIntExact(Math.max(length, bytes.length * 2L))];
    }
    for (int i = 0; i < buffers.size(); i++) {
      ArrowBuf buffer = buffers.get(i);
      buffer.getBytes(0, bytes, bufferStarts[i], (int) buffer.capacity());
    }
  }

  /** Whether the cell is null or the empty string: both mean "not given", as an empty CSV cell. */
  boolean isEmpty(int row) {
    return nulls.isNull(row) || length(row) == 0;
  }

  int length(int row) {
    return (int) views[2 * row];
  }

  /**
   * Whether a (non-empty) cell is plain: printable ASCII, without spaces at either end. The CSV
   * reader would trim such spaces and decodes other bytes with more care, so anything else is left
   * to it.
   */
  boolean isPlain(int row) {
    int length = length(row);
    if (byteAt(row, 0) == ' ' || byteAt(row, length - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      byte b = byteAt(row, i);
      if (b < 0x20 || b > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Whether two cells of this batch hold the same text. */
  boolean same(int row, int other) {
    long head = head(row);
    if (head != head(other)) {
      return false;
    }
    int length = (int) head;
    if (length <= INLINE) {
      return tail(row, length) == tail(other, length);
    }
    int from = longStart(row);
    int otherFrom = longStart(other);
    for (int i = 0; i < length; i++) {
      if (bytes[from + i] != bytes[otherFrom + i]) {
        return false;
      }
    }
    return true;
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

  /** A plain cell as a new string, for a column of mostly distinct values (customer ids). */
  String newString(int row) {
    int length = length(row);
    if (length > INLINE) {
      return new String(bytes, longStart(row), length, StandardCharsets.ISO_8859_1);
    }
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = byteAt(row, i);
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /**
   * The slot of the cell's text in the table of texts seen, after adding it if it is new, or -1
   * when the cell is not plain. Only plain texts ever enter the table.
   */
  private int slot(int row) {
    long head = head(row);
    int length = (int) head;
    long tail = length <= INLINE ? tail(row, length) : 0;
    if (lastSlot >= 0 && holds(lastSlot, row, head, tail)) {
      return lastSlot; // neighbouring rows often repeat a value
    }
    int mask = texts.length - 1;
    int slot = hash(head, tail, row) & mask;
    while (texts[slot] != null) {
      if (holds(slot, row, head, tail)) {
        lastSlot = slot;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    if (!isPlain(row)) {
      return -1;
    }
    keyHeads[slot] = head;
    keyTails[slot] = tail;
    if (length > INLINE) {
      int from = longStart(row);
      longKeys[slot] = Arrays.copyOfRange(bytes, from, from + length);
    }
    texts[slot] = newString(row);
    if (++distinct * 2 > texts.length) {
      grow();
      return slot(row);
    }
    lastSlot = slot;
    return slot;
  }

  /** The head of a cell: its length and up to four bytes, those past a short text's end masked. */
  private long head(int row) {
    long head = views[2 * row];
    int length = (int) head;
    return length >= 4 ? head : head & ((1L << (32 + 8 * length)) - 1);
  }

  /** The tail of a short cell: its bytes 5 to 12, those past its end masked. */
  private long tail(int row, int length) {
    long tail = views[2 * row + 1];
    return length >= INLINE ? tail : length <= 4 ? 0 : tail & ((1L << (8 * (length - 4))) - 1);
  }

  private int hash(long head, long tail, int row) {
    int length = (int) head;
    int from = length > INLINE ? longStart(row) : 0;
    return hash(head, tail, length > INLINE ? bytes : null, from + 4, from + length);
  }

  /**
   * The hash of a text by its head and tail and, for a long text, its bytes after the first four
   * ({@code text[from..to)}); {@code text} is {@code null} for a short one.
   */
  private static int hash(long head, long tail, byte[] text, int from, int to) {
    long mixed = head * 0x9E3779B97F4A7C15L + tail * 0xC2B2AE3D27D4EB4FL;
    if (text != null) {
      for (int i = from; i < to; i++) {
        mixed = (mixed ^ text[i]) * 0x100000001B3L;
      }
    }
    int h = (int) (mixed ^ (mixed >>> 32));
    return h ^ (h >>> 16);
  }

  /** Whether a slot of the table holds the text of the cell whose head and tail are given. */
  private boolean holds(int slot, int row, long head, long tail) {
    return keyHeads[slot] == head && keyTails[slot] == tail
        && ((int) head <= INLINE || sameBytes(row, longKeys[slot]));
  }

  /** Whether a long cell's bytes equal {@code key} (their heads, so lengths, are equal). */
  private boolean sameBytes(int row, byte[] key) {
    int from = longStart(row);
    for (int i = 0; i < key.length; i++) {
      if (bytes[from + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  /** Where a long cell's bytes start in {@link #bytes}: its buffer's start plus its offset. */
  private int longStart(int row) {
    long tail = views[2 * row + 1];
    return bufferStarts[(int) tail] + (int) (tail >>> 32);
  }

  private byte byteAt(int row, int index) {
    if ((int) views[2 * row] > INLINE) {
      return bytes[longStart(row) + index];
    }
    return index < 4 ? (byte) (views[2 * row] >>> (32 + 8 * index))
        : (byte) (views[2 * row + 1] >>> (8 * (index - 4)));
  }

  /** Doubles the table, keeping each text's parsed word. */
  private void grow() {
    long[] oldHeads = keyHeads;
    long[] oldTails = keyTails;
    byte[][] oldLongKeys = longKeys;
    String[] oldTexts = texts;
    Optional<?>[] oldWords = words;
    int length = oldTexts.length * 2;
    keyHeads = new long[length];
    keyTails = new long[length];
    longKeys = new byte[length][];
    texts = new String[length];
    words = new Optional<?>[length];
    lastSlot = -1;
    int mask = length - 1;
    for (int i = 0; i < oldTexts.length; i++) {
      if (oldTexts[i] != null) {
        byte[] longKey = oldLongKeys[i];
        int slot = hash(oldHeads[i], oldTails[i], longKey, 4, longKey == null ? 0 : longKey.length)
            & mask;
        while (texts[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keyHeads[slot] = oldHeads[i];
        keyTails[slot] = oldTails[i];
        longKeys[slot] = oldLongKeys[i];
        texts[slot] = oldTexts[i];
        words[slot] = oldWords[i];
      }
    }
  }
}
