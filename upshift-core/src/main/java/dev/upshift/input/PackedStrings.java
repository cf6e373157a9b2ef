package dev.upshift.input;

import java.util.Arrays;

/**
 * A list of strings stored back to back in one {@code char} array, indexed by the end of each.
 * Append-only; not thread-safe while appended to, safe to read from any thread once handed over.
 *
 * <p>customers.csv can list millions of customers, each with an id and a few attributes. Held as
 * {@code String}s (with a map entry and an array per customer) they were millions of objects that
 * every garbage collection of the run then had to trace and copy; here a column is two arrays the
 * collector never looks into. A value is a new {@code String} each time it is read.
 */
final class PackedStrings implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private char[] chars = new char[256];
  private int[] ends = new int[16];
  private int size;

  /** Appends a copy of a value; returns its index. */
  int add(CharSequence value) {
    int start = size == 0 ? 0 : ends[size - 1];
    int length = value.length();
    int end = Math.addExact(start, length);
    if (end > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(end, grown(chars.length)));
    }
    if (value instanceof String text) {
      text.getChars(0, length, chars, start);
    } else {
      for (int i = 0; i < length; i++) {
        chars[start + i] = value.charAt(i);
      }
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, grown(ends.length));
    }
    ends[size] = end;
    return size++;
  }

  /** The value at {@code index}. */
  String get(int index) {
    int start = startOf(index);
    return new String(chars, start, ends[index] - start);
  }

  /** Whether the value at {@code index} has the characters of {@code value}, without building a string. */
  boolean equalsAt(int index, CharSequence value) {
    int start = startOf(index);
    int length = ends[index] - start;
    if (length != value.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[start + i] != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  int size() {
    return size;
  }

  private int startOf(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return index == 0 ? 0 : ends[index - 1];
  }

  /** Half as much again: large columns grow without doubling their footprint at the last step. */
  private static int grown(int length) {
    return Math.addExact(length, Math.max(16, length >> 1));
  }
}
