package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and streams the text to the CSV parser, in fixed-size chunks (a 1 GB file
 * never sits in memory as text).
 *
 * <p>The decoder {@link CodingErrorAction#REPORT reports} bad bytes instead of replacing them
 * silently; this reader then tells the {@link CsvSyntaxTracker}, which knows the line and cell, and
 * passes U+FFFD on so that parsing continues and every other row of the file is still checked. It
 * also feeds each decoded character to the tracker. A leading byte-order mark is skipped.
 */
final class CheckedUtf8Reader extends Reader {
  private static final int BUFFER = 64 * 1024;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final CsvSyntaxTracker tracker;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
  private boolean startChecked;
  private boolean endOfBytes;
  private boolean flushed;

  CheckedUtf8Reader(InputStream in, CsvSyntaxTracker tracker) {
    this.in = requireNonNull(in, "in is null");
    this.tracker = requireNonNull(tracker, "tracker is null");
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(target, offset, n);
    return n;
  }

  /** Decodes the next chunk; false at the end of the text. */
  private boolean fill() throws IOException {
    if (!startChecked) {
      startChecked = true;
      readBytes();
      skipBom();
    }
    chars.clear();
    while (chars.position() == 0 && !flushed) {
      int from = chars.position();
      CoderResult result = decoder.decode(bytes, chars, endOfBytes);
      track(from, chars.position());
      if (result.isOverflow()) {
        break;
      } else if (result.isUnderflow()) {
        if (endOfBytes) {
          from = chars.position();
          decoder.flush(chars);
          track(from, chars.position());
          flushed = true;
          tracker.end();
        } else if (chars.position() == 0) {
          readBytes();
        }
      } else if (chars.hasRemaining()) {
        invalid(result.length());
      } else {
        break; // no room for U+FFFD: the next fill meets the same bytes again
      }
    }
    chars.flip();
    return chars.hasRemaining();
  }

  private void invalid(int length) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < length; i++) {
      hex.append(i == 0 ? "byte" + (length > 1 ? "s " : " ") : " ")
          .append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    bytes.position(bytes.position() + length);
    chars.put('\uFFFD');
    tracker.invalidUtf8(hex.toString());
  }

  private void track(int from, int to) {
    for (int i = from; i < to; i++) {
      tracker.accept(chars.get(i));
    }
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfBytes = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void skipBom() throws IOException {
    while (!endOfBytes && bytes.remaining() < BOM.length) {
      readBytes();
    }
    if (bytes.remaining() >= BOM.length && bytes.get(0) == BOM[0] && bytes.get(1) == BOM[1]
        && bytes.get(2) == BOM[2]) {
      bytes.position(BOM.length);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
