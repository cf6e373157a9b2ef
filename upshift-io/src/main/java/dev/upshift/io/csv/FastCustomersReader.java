package dev.upshift.io.csv;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.InputError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path for {@code customers.csv}: the file's bytes parsed in one pass straight into {@link
 * CustomerAttributes}, without the strict reader's record objects, character-by-character syntax
 * tracking and per-row error bookkeeping (at a million customers those took seconds of a run that
 * the subscriptions took a few more).
 *
 * <p>It reads what the strict {@link CustomersReader} reads, but only files it can read with
 * certainty: names and values with commas in quoted cells ({@code "Acme, Inc."}, {@code ""} for a
 * quote) and UTF-8 text are fine; anything else it gives up on, namely a quote that does not open
 * a cell, a line break inside a quoted cell, text after a closing quote, a lone CR, bytes that are
 * not UTF-8, a header that is not plain ASCII or not valid, a ragged row, an empty {@code
 * customer_id}, a customer listed twice, a blank line made of spaces, a very long line, a file
 * larger than {@link #MAX_BYTES}. Giving up is never an error: {@link #tryRead} returns {@code
 * null} and the caller reads the file with the strict reader, which finds and words every error
 * exactly as before. Not thread-safe: one instance per file.
 */
final class FastCustomersReader {
  /** Larger files are left to the strict reader, which streams; this path holds the whole file. */
  static final long MAX_BYTES = 256L << 20;
  /** Longer lines are left to the strict reader, which knows the CSV parser's limits. */
  private static final int MAX_LINE = 1 << 20;
  /** Wider headers likewise. */
  private static final int MAX_COLUMNS = 1024;

  private final byte[] bytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int position;

  private final ColumnMapping mapping;

  private FastCustomersReader(byte[] bytes, ColumnMapping mapping) {
    this.bytes = bytes;
    this.mapping = mapping;
  }

  /** The file gives up this path; the message is for {@code -Dupshift.debug}. */
  private static final class Declined extends Exception {
    private static final long serialVersionUID = 1L;

    Declined(String reason) {
      super(reason, null, false, false); // control flow, thrown at most once: no stack trace
    }
  }

  /**
   * Reads a plain, clean file, or returns {@code null} when it needs the strict reader (it has an
   * error, or something this path does not handle, or it cannot be read).
   */
  static CustomerAttributes tryRead(Path path) {
    return tryRead(path, ColumnMapping.NONE);
  }

  /** As {@link #tryRead(Path)}, the header renamed by {@code mapping}. */
  static CustomerAttributes tryRead(Path path, ColumnMapping mapping) {
    long began = System.nanoTime();
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new Declined("larger than " + MAX_BYTES + " bytes");
      }
      CustomerAttributes attributes = new FastCustomersReader(Files.readAllBytes(path), mapping).read();
      FastPathDebug.log("customers.csv fast path: %d customers in %d ms", attributes.size(),
          (System.nanoTime() - began) / 1_000_000);
      return attributes;
    } catch (Declined e) {
      FastPathDebug.log("customers.csv fast path declined: %s", e.getMessage());
      return null;
    } catch (IOException e) {
      return null; // the strict reader words the problem
    }
  }

  private CustomerAttributes read() throws Declined {
    skipByteOrderMark();
    Header header = header();
    int width = header.width();
    int idColumn = header.index("customer_id");
    List<String> attributes = header.namesExcept("customer_id");
    int[] attributeColumns = attributes.stream().mapToInt(header::index).toArray();
    CustomerAttributes.Builder builder = CustomerAttributes.builder(attributes);
    Cell[] cells = new Cell[width];
    for (int i = 0; i < width; i++) {
      cells[i] = new Cell(bytes);
    }
    List<CharSequence> values = Arrays.asList(new CharSequence[attributes.size()]);
    while (position < bytes.length) {
      if (skipEmptyLine()) {
        continue;
      }
      int lineStart = position;
      int count = 0;
      boolean more = true;
      while (more) {
        if (count == width) {
          throw new Declined("ragged row: more cells than the header");
        }
        Cell cell = cells[count++];
        if (position < bytes.length && bytes[position] == '"') {
          quotedCell(cell);
        } else {
          plainCell(cell);
        }
        more = endOfCell();
        if (position - lineStart > MAX_LINE) {
          throw new Declined("a line longer than " + MAX_LINE + " bytes");
        }
      }
      if (count != width) {
        throw new Declined("ragged row: fewer cells than the header");
      }
      CharSequence customerId = cells[idColumn].stripped();
      if (customerId.length() == 0) {
        throw new Declined("an empty customer_id");
      }
      for (int i = 0; i < attributeColumns.length; i++) {
        CharSequence text = cells[attributeColumns[i]].stripped();
        values.set(i, text.length() == 0 ? null : text); // null when empty: the attribute is missing
      }
      if (!builder.put(customerId, values)) {
        throw new Declined("a customer listed twice");
      }
    }
    return builder.build();
  }

  private void skipByteOrderMark() {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      position = 3;
    }
  }

  /** The header, when it is on the first line, plain (no quotes, ASCII) and valid. */
  private Header header() throws Declined {
    int end = position;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    int next = Math.min(end + 1, bytes.length);
    if (end > position && bytes[end - 1] == '\r') {
      end--;
    }
    if (end == position) {
      throw new Declined("the first line is empty");
    }
    List<String> names = new ArrayList<>();
    int start = position;
    for (int i = position; i <= end; i++) {
      if (i == end || bytes[i] == ',') {
        names.add(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
        start = i + 1;
      } else if (bytes[i] == '"' || bytes[i] < 0 || bytes[i] == '\r') {
        throw new Declined("the header is not plain ASCII without quotes");
      }
    }
    if (names.size() > MAX_COLUMNS) {
      throw new Declined("more than " + MAX_COLUMNS + " columns");
    }
    List<InputError> errors = new ArrayList<>();
    Header header = Header.resolve("", 1, names, CustomersReader.COLUMNS, mapping, errors);
    if (!errors.isEmpty()) {
      throw new Declined("the header has errors");
    }
    position = next;
    return header;
  }

  /** Skips a line with nothing on it, as the strict reader does; false at any other line. */
  private boolean skipEmptyLine() throws Declined {
    if (bytes[position] == '\n') {
      position++;
      return true;
    }
    if (bytes[position] == '\r') {
      if (position + 1 < bytes.length && bytes[position + 1] == '\n') {
        position += 2;
        return true;
      }
      throw new Declined("a lone CR");
    }
    return false;
  }

  /** An unquoted cell, up to the comma or line break after it. */
  private void plainCell(Cell cell) throws Declined {
    int start = position;
    boolean ascii = true;
    while (position < bytes.length) {
      byte b = bytes[position];
      if (b == ',' || b == '\n' || b == '\r') {
        break;
      }
      if (b == '"') {
        throw new Declined("a quote inside an unquoted cell");
      }
      ascii &= b >= 0;
      position++;
    }
    if (ascii) {
      cell.ascii(start, position);
    } else {
      cell.text(decode(bytes, start, position));
    }
  }

  /** A quoted cell on one line, {@code ""} standing for a quote; the closing quote ends it. */
  private void quotedCell(Cell cell) throws Declined {
    int start = ++position;
    boolean ascii = true;
    boolean escapedQuotes = false;
    while (true) {
      if (position == bytes.length) {
        throw new Declined("a quote that is not closed");
      }
      byte b = bytes[position];
      if (b == '\n' || b == '\r') {
        throw new Declined("a line break inside a quoted cell");
      }
      if (b == '"') {
        if (position + 1 < bytes.length && bytes[position + 1] == '"') {
          escapedQuotes = true;
          position += 2;
          continue;
        }
        break;
      }
      ascii &= b >= 0;
      position++;
    }
    int end = position++; // past the closing quote
    if (position < bytes.length && bytes[position] != ',' && bytes[position] != '\n'
        && bytes[position] != '\r') {
      throw new Declined("text after a closing quote");
    }
    if (ascii && !escapedQuotes) {
      cell.ascii(start, end);
      return;
    }
    byte[] unescaped = new byte[end - start];
    int length = 0;
    for (int i = start; i < end; i++) {
      unescaped[length++] = bytes[i];
      if (bytes[i] == '"') {
        i++; // the second quote of ""
      }
    }
    cell.text(decode(unescaped, 0, length));
  }

  /** Steps past the end of a cell: true after a comma (another cell follows), false at a line's end. */
  private boolean endOfCell() throws Declined {
    if (position == bytes.length) {
      return false;
    }
    byte b = bytes[position++];
    if (b == ',') {
      return true;
    }
    if (b == '\r') {
      if (position == bytes.length || bytes[position] != '\n') {
        throw new Declined("a lone CR");
      }
      position++;
    }
    return false;
  }

  /** The text of {@code from..to}, decoded as strictly as the strict reader decodes it. */
  private String decode(byte[] source, int from, int to) throws Declined {
    try {
      return utf8.decode(ByteBuffer.wrap(source, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new Declined("bytes that are not UTF-8");
    }
  }

  /**
   * One cell of the current row: most cells are ASCII and are read in place, as a view of the
   * file's bytes, so that a million rows make no string per cell; others are decoded. One per
   * column, reused from row to row (the builder copies what it keeps).
   */
  private static final class Cell implements CharSequence {
    private final byte[] bytes;
    private int from;
    private int to;
    private String text;

    Cell(byte[] bytes) {
      this.bytes = bytes;
    }

    void ascii(int start, int end) {
      from = start;
      to = end;
      text = null;
    }

    void text(String decoded) {
      text = decoded;
    }

    /**
     * The cell without leading and trailing white space, as {@link String#strip} has it (the
     * strict reader strips every cell): this view, narrowed, or the decoded text stripped.
     */
    CharSequence stripped() {
      if (text != null) {
        return text.strip();
      }
      while (from < to && Character.isWhitespace(bytes[from])) {
        from++;
      }
      while (to > from && Character.isWhitespace(bytes[to - 1])) {
        to--;
      }
      return this;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return (char) bytes[from + index]; // ASCII: the byte is the character
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
  }

}
