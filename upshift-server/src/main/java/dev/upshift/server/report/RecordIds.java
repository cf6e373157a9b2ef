package dev.upshift.server.report;

import java.util.Arrays;

/**
 * The ids of the records written to one input file, by the line each starts on: how a phase's
 * source line (the line of the file a report was read from) is turned back into the id of the
 * record it came from. Packed into three arrays, so that millions of ids cost no object each.
 * Append-only while written, then read-only; safe to read from any thread once handed over.
 */
public final class RecordIds {
  private long[] lines = new long[64];
  private int[] ends = new int[64];
  private char[] chars = new char[1024];
  private int size;

  /** Adds the record starting on {@code line}; lines must grow. */
  void add(long line, String id) {
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size + (size >> 1) + 16);
      ends = Arrays.copyOf(ends, lines.length);
    }
    int start = size == 0 ? 0 : ends[size - 1];
    int end = Math.addExact(start, id.length());
    if (end > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(end, chars.length + (chars.length >> 1)));
    }
    id.getChars(0, id.length(), chars, start);
    lines[size] = line;
    ends[size] = end;
    size++;
  }

  /** The id of the record starting on {@code line}, or {@code null} if none does. */
  public String idAt(long line) {
    int index = Arrays.binarySearch(lines, 0, size, line);
    if (index < 0) {
      return null;
    }
    int start = index == 0 ? 0 : ends[index - 1];
    return new String(chars, start, ends[index] - start);
  }

  public int size() {
    return size;
  }
}
