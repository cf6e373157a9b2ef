package dev.upshift.io.csv;

import dev.upshift.input.FxRates;
import dev.upshift.input.InputError;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * The fast path for {@code subscriptions.csv}: the file cut into chunks at line breaks, the chunks
 * parsed in parallel by {@link FastRowParser}s straight into columns, then checked for overlapping
 * phases by customer.
 *
 * <p>Cutting a CSV file at a line break is only safe when no quoted cell spans lines. This path
 * therefore accepts no quote at all (nor anything else unusual, see {@link FastRowParser}); each
 * chunk gives up at the first such thing, and since every line is parsed by exactly one chunk, a
 * file containing one is never taken by this path. It also gives up at the first row that is in
 * error and when two phases overlap. {@link #tryRead} then returns {@code null} and the caller reads
 * the file with the strict streaming reader, which reports every error, with its physical line and
 * wording, exactly as it always has: the fast path only ever changes how fast a clean file is read.
 */
final class ParallelSubscriptionsReader {
  /** Bytes per chunk: enough to keep both cores busy and the progress moving, little memory. */
  static final int DEFAULT_CHUNK = 16 << 20;

  private ParallelSubscriptionsReader() {}

  /** A clean file's phases of lines, in input order, and its row counts. */
  record Result(PhaseTable table, InputSummary summary) {}

  /**
   * Reads a clean file fast, or returns {@code null} when the file needs the strict reader (it has
   * an error, or something this path does not handle).
   *
   * @param progress receives the number of bytes parsed, from several threads
   */
  static Result tryRead(Path path, FxRates fx, int chunkBytes, LongConsumer progress) {
    return tryRead(path, fx, chunkBytes, progress, ColumnMapping.NONE, EndDates.EXCLUSIVE);
  }

  /** As {@link #tryRead(Path, FxRates, int, LongConsumer)} for an export read by a mapping. */
  static Result tryRead(Path path, FxRates fx, int chunkBytes, LongConsumer progress,
      ColumnMapping mapping, EndDates endDates) {
    long began = System.nanoTime();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      byte[] head = read(channel, 0, (int) Math.min(size, 1 << 20));
      int bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF ? 3 : 0;
      int headerEnd = indexOf(head, bom, (byte) '\n');
      if (headerEnd < 0) {
        return null;
      }
      Header header = header(head, bom, headerEnd, mapping);
      if (header == null) {
        return null;
      }
      long[] bounds = chunkBounds(channel, headerEnd + 1L, size, chunkBytes);
      int chunks = bounds.length - 1;
      FastRowParser[] parsers = new FastRowParser[chunks];
      // One buffer per worker thread, reused from chunk to chunk.
      ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[0]);
      boolean clean = IntStream.range(0, chunks).parallel().allMatch(k -> {
        long from = bounds[k];
        int length = Math.toIntExact(bounds[k + 1] - from);
        FastRowParser parser = new FastRowParser(header, fx, length / 64, endDates);
        parsers[k] = parser;
        try {
          byte[] buffer = buffers.get();
          if (buffer.length < length) {
            buffer = new byte[Math.max(length, chunkBytes + (chunkBytes >> 3))];
            buffers.set(buffer);
          }
          readInto(channel, from, buffer, length);
          boolean ok = parser.parse(buffer, 0, length);
          progress.accept(length);
          return ok;
        } catch (IOException e) {
          return false;
        }
      });
      if (!clean) {
        for (FastRowParser parser : parsers) {
          if (parser != null && parser.declined()) {
            FastPathDebug.log("fast path declined: %s", parser.declineReason());
          }
        }
        return null;
      }
      long parsed = System.nanoTime();
      Result result = assemble(parsers);
      FastPathDebug.log("parsed %d chunks in %d ms, assembled in %d ms", chunks,
          (parsed - began) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000);
      return result;
    } catch (IOException | ArithmeticException e) {
      return null; // the strict reader words the problem
    }
  }


  /** The header when it is plain (on line 1, no quotes, ASCII) and good; otherwise {@code null}. */
  private static Header header(byte[] head, int from, int to, ColumnMapping mapping) {
    int end = to > from && head[to - 1] == '\r' ? to - 1 : to;
    List<String> names = new ArrayList<>();
    int start = from;
    for (int i = from; i <= end; i++) {
      if (i == end || head[i] == ',') {
        names.add(new String(head, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1));
        start = i + 1;
      } else if (head[i] == '"' || head[i] < 0 || head[i] == '\r') {
        return null;
      }
    }
    List<InputError> errors = new ArrayList<>();
    Header header = Header.resolve("", 1, names, SubscriptionColumns.COLUMNS, mapping, errors);
    boolean priced = SubscriptionColumns.PRICE_FORMS.stream().anyMatch(header::has);
    return errors.isEmpty() && priced && !names.get(0).isBlank() ? header : null;
  }

  /**
   * Chunk boundaries: {@code bounds[k]} is where chunk {@code k} starts, always just after a line
   * break, and the last entry is the file's size.
   */
  private static long[] chunkBounds(FileChannel channel, long dataStart, long size, int chunkBytes)
      throws IOException {
    List<Long> bounds = new ArrayList<>();
    bounds.add(dataStart);
    long nominal = dataStart + chunkBytes;
    while (nominal < size) {
      long lineStart = nextLineStart(channel, nominal - 1, size);
      if (lineStart >= size) {
        break;
      }
      if (lineStart > bounds.get(bounds.size() - 1)) {
        bounds.add(lineStart);
      }
      nominal = Math.max(nominal + chunkBytes, lineStart + 1);
    }
    bounds.add(size);
    return bounds.stream().mapToLong(Long::longValue).toArray();
  }

  /** The position after the first line break at or after {@code from}, or {@code size}. */
  private static long nextLineStart(FileChannel channel, long from, long size) throws IOException {
    long position = from;
    while (position < size) {
      byte[] window = read(channel, position, (int) Math.min(64 * 1024, size - position));
      int at = indexOf(window, 0, (byte) '\n');
      if (at >= 0) {
        return position + at + 1;
      }
      position += window.length;
    }
    return size;
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    byte[] bytes = new byte[length];
    readInto(channel, position, bytes, length);
    return bytes;
  }

  private static void readInto(FileChannel channel, long position, byte[] bytes, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        throw new IOException("the file shrank while being read");
      }
    }
  }

  private static int indexOf(byte[] bytes, int from, byte value) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Joins the chunks in file order, numbering lines from the header's, and checks overlaps. */
  private static Result assemble(FastRowParser[] parsers) {
    List<CleanRows> parts = new ArrayList<>(parsers.length);
    int[] lineOffsets = new int[parsers.length];
    long line = 1; // the header's
    for (int k = 0; k < parsers.length; k++) {
      lineOffsets[k] = Math.toIntExact(line);
      line += parsers[k].lines();
      parts.add(parsers[k].rows());
      parsers[k] = null; // its buffers can go
    }
    Math.toIntExact(line);
    long began = System.nanoTime();
    CleanRows.Joined joined = CleanRows.join(parts, lineOffsets);
    long concatenated = System.nanoTime();
    boolean overlap = joined.table().hasOverlappingPhases();
    FastPathDebug.log("concat %d ms, overlap check %d ms", (concatenated - began) / 1_000_000,
        (System.nanoTime() - concatenated) / 1_000_000);
    return overlap ? null : new Result(joined.table(), joined.summary());
  }
}
