package dev.upshift.io.report;

import dev.upshift.money.Micros;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes with the few appends a ledger row needs, written digit by digit:
 * formatting twenty amounts of sixteen million rows through {@code StringBuilder} and then
 * encoding the text cost more than computing them. Not thread-safe: one per batch.
 */
final class LedgerBytes {
  private static final byte[] ZERO_AMOUNT = ascii("0.000000");

  private byte[] bytes;
  private int size;

  LedgerBytes(int capacity) {
    bytes = new byte[capacity];
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  int size() {
    return size;
  }

  /** The bytes written; the array may be longer than {@link #size()}. */
  byte[] array() {
    return bytes;
  }

  void clear() {
    size = 0;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }

  LedgerBytes put(byte[] text) {
    ensure(text.length);
    System.arraycopy(text, 0, bytes, size, text.length);
    size += text.length;
    return this;
  }

  LedgerBytes put(char ascii) {
    ensure(1);
    bytes[size++] = (byte) ascii;
    return this;
  }

  /** A flag: {@code 1} or {@code 0}. */
  LedgerBytes flag(boolean value) {
    return put(value ? '1' : '0');
  }

  /** A whole number, with a minus sign when negative. */
  LedgerBytes number(long value) {
    if (value == Long.MIN_VALUE) {
      return put(ascii(Long.toString(value)));
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    digits(value);
    return this;
  }

  /** Micro-units as a decimal with all six places ({@code -40000.000000}), as §10 asks. */
  LedgerBytes micros(long value) {
    if (value == 0) {
      return put(ZERO_AMOUNT);
    }
    if (value == Long.MIN_VALUE) {
      // The one value whose magnitude does not fit a long; not worth a fast path.
      return put(ascii(Micros.toDecimal(value).toPlainString()));
    }
    ensure(28);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    digits(value / Micros.ONE);
    int fraction = (int) (value % Micros.ONE);
    bytes[size++] = '.';
    for (int i = 5; i >= 0; i--) {
      bytes[size + i] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    size += 6;
    return this;
  }

  /** The digits of a non-negative number; room was ensured. */
  private void digits(long value) {
    int length = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      length++;
    }
    for (int i = length - 1; i >= 0; i--) {
      bytes[size + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += length;
  }
}
