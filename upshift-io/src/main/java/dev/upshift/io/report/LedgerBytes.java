package dev.upshift.io.report;

import dev.upshift.money.Micros;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes with the few appends a ledger row needs, written digit by digit:
 * formatting twenty amounts of sixteen million rows through {@code StringBuilder} and then
 * encoding the text cost more than computing them. A row's appends are preceded by one {@link
 * #reserve} for the whole row, so each append is a few stores. Not thread-safe: one per batch.
 */
final class LedgerBytes {
  /** Room that any one number takes, sign included. */
  static final int MAX_NUMBER = 28;
  private static final byte[] ZERO_AMOUNT = ascii("0.000000");
  /** {@code 0.000000}, the most common cell of a ledger, as one 8-byte store. */
  private static final long ZERO_AMOUNT_WORD = java.nio.ByteBuffer.wrap(ZERO_AMOUNT)
      .order(ByteOrder.LITTLE_ENDIAN).getLong();
  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

  /** Makes room for {@code more} bytes: call before a row's appends. */
  void reserve(int more) {
    ensure(more);
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

  /** A flag, {@code 1} or {@code 0}; room was {@linkplain #reserve reserved}. */
  LedgerBytes flag(boolean value) {
    bytes[size++] = (byte) (value ? '1' : '0');
    return this;
  }

  /** A comma; room was reserved. */
  LedgerBytes comma() {
    bytes[size++] = ',';
    return this;
  }

  /** A whole number, with a minus sign when negative; room was reserved. */
  LedgerBytes number(long value) {
    if (value == Long.MIN_VALUE) {
      return put(ascii(Long.toString(value)));
    }
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    digits(value);
    return this;
  }

  /**
   * Micro-units as a decimal with all six places ({@code -40000.000000}), as §10 asks; room was
   * reserved.
   */
  LedgerBytes micros(long value) {
    if (value == 0) {
      WORDS.set(bytes, size, ZERO_AMOUNT_WORD);
      size += 8;
      return this;
    }
    if (value == Long.MIN_VALUE) {
      // The one value whose magnitude does not fit a long; not worth a fast path.
      return put(ascii(Micros.toDecimal(value).toPlainString()));
    }
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
    if (value <= Integer.MAX_VALUE) {
      digits((int) value); // int division is much cheaper, and almost every amount fits
      return;
    }
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

  private void digits(int value) {
    int length = value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : value < 10_000 ? 4
        : value < 100_000 ? 5 : value < 1_000_000 ? 6 : value < 10_000_000 ? 7
        : value < 100_000_000 ? 8 : value < 1_000_000_000 ? 9 : 10;
    for (int i = length - 1; i >= 0; i--) {
      bytes[size + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += length;
  }
}
