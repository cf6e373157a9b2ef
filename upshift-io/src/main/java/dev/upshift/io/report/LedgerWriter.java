package dev.upshift.io.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.RowSink;
import dev.upshift.metric.RowSinks;
import dev.upshift.movement.Component;
import dev.upshift.movement.LogoStatus;
import dev.upshift.movement.Movement;
import dev.upshift.time.Period;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Streams the customer ledger of §7.3 as CSV: one row per customer and reported period, as the
 * engine hands them over (pass it as the {@code ledger} argument of
 * {@code Upshift.report(dataset, options, ledger)}). Summing any amount column over the rows of a
 * period reproduces the report's figure exactly; it is how a person answers "which customers make
 * up this number?".
 *
 * <p>Columns ({@link #HEADER}): {@code period, customer_id, status, arr_start, arr_end}, the ARR
 * components in §4.2 order under their snake_case names, {@code expansion, contraction, net_new,
 * seats_start, seats_end, seat_movement} ({@code U1 − U0}), {@code upsell_user}, {@code ramp} (the
 * upsellRamp amount), {@code eligible, upsold} and {@code upsold_arr} (the qualifying ARR). Amounts
 * carry all 6 decimals ({@code -40000.000000}), so no rounding separates the ledger from the
 * report; flags are {@code 0}/{@code 1}; {@code customer_id} is neutralised against formula
 * injection and quoted per RFC 4180. Records end with CRLF.
 *
 * <p>Built for millions of rows: rows are formatted straight into UTF-8 bytes, amounts digit by
 * digit from micro-units (no {@code BigDecimal}, no {@code String} per cell). Output is
 * deterministic: the engine emits rows in customer-id order and this class adds no ordering of its
 * own. The header is written first, with the first rows or by {@link #flush()} / {@link #close()}.
 *
 * <p>Two ways to feed it. As the engine's {@link RowSinks} (pass it to {@code Upshift.report(dataset,
 * options, ledger, progress)}), each batch of customers is formatted on the thread that computed
 * it, and a writer thread of its own writes the finished bytes in batch order while the engine goes
 * on computing: a million customers' ledger costs little more than the report. As a {@link
 * Consumer}, rows are formatted one by one on the calling thread. Not thread-safe otherwise. I/O
 * errors surface as {@link UncheckedIOException}, since neither interface can throw; {@link
 * #flush()} and {@link #close()} rethrow them.
 */
public final class LedgerWriter
    implements Consumer<CustomerPeriod>, RowSinks<LedgerWriter.Batch>, Closeable, Flushable {
  /** The column names, in order. */
  public static final List<String> HEADER = header();

  private static final byte[] CRLF = LedgerBytes.ascii("\r\n");
  private static final Component[] COMPONENTS = Component.values();
  /** The numbers and flags of a row, for reserving its room at once. */
  private static final int ROW_NUMBERS = COMPONENTS.length + 12;
  private static final byte[][] STATUS = java.util.Arrays.stream(LogoStatus.values())
      .map(s -> LedgerBytes.ascii(s.code())).toArray(byte[][]::new);
  /** Batches written ahead of the writer thread before the engine waits for it. */
  private static final int QUEUED_BATCHES = 4;
  private static final int WRITE_SLICE = 1 << 16;
  /** Buffers kept for reuse: about one wave of the engine's batches in flight (see MetricEngine). */
  private static final int SPARE_BUFFERS = 24;
  /**
   * Buffers the writer thread has written, for the next batches: a million customers' ledger is
   * gigabytes, and fresh buffers for all of it cost more in page faults and collections than
   * formatting it.
   */
  private final java.util.concurrent.ConcurrentLinkedQueue<LedgerBytes> spare =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final byte[][] periodCells;
  private final Target target;
  private final LedgerBytes line = new LedgerBytes(512);
  private ExecutorService writer; // started by the first batch
  private volatile IOException writeFailure;
  private boolean headerWritten;
  private String lastCustomerId;
  private byte[] lastCustomerCell;
  private long rows;

  /** Where the bytes go: a stream, or a writer for callers that hold one. */
  private interface Target {
    void write(byte[] bytes, int length) throws IOException;

    void flush() throws IOException;

    void close() throws IOException;
  }

  /**
   * Creates a ledger writing text to {@code out}, which it closes on {@link #close()}.
   *
   * @param reportedPeriods the report's periods ({@code Upshift.periods(dataset, options)}): a
   *     row's {@code periodIndex} {@code i} is labelled with element {@code i − 1}
   */
  public LedgerWriter(List<Period> reportedPeriods, Writer out) {
    requireNonNull(out, "out is null");
    this.periodCells = cells(reportedPeriods);
    this.target = new Target() {
      @Override
      public void write(byte[] bytes, int length) throws IOException {
        out.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  /** Creates a ledger writing UTF-8 to {@code out}, which it closes on {@link #close()}. */
  public LedgerWriter(List<Period> reportedPeriods, OutputStream out) {
    requireNonNull(out, "out is null");
    this.periodCells = cells(reportedPeriods);
    OutputStream buffered = out instanceof BufferedOutputStream ? out
        : new BufferedOutputStream(out, 1 << 16);
    this.target = new Target() {
      @Override
      public void write(byte[] bytes, int length) throws IOException {
        // In slices: the JDK copies each write of a heap array through a native buffer of the
        // write's size, and a fresh 14 MB one per batch costs more in page faults than the write.
        for (int offset = 0; offset < length; offset += WRITE_SLICE) {
          buffered.write(bytes, offset, Math.min(WRITE_SLICE, length - offset));
        }
      }

      @Override
      public void flush() throws IOException {
        buffered.flush();
      }

      @Override
      public void close() throws IOException {
        buffered.close();
      }
    };
  }

  private static byte[][] cells(List<Period> reportedPeriods) {
    requireNonNull(reportedPeriods, "reportedPeriods is null");
    return reportedPeriods.stream().map(p -> LedgerBytes.utf8(Formats.csvText(p.label())))
        .toArray(byte[][]::new);
  }

  /** One batch's rows, formatted on the thread that computed them. */
  public final class Batch implements RowSink {
    private final LedgerBytes text = spareOrNew();
    private String lastId;
    private byte[] lastCell;
    private long count;

    @Override
    public boolean wants(int periodIndex, boolean inLedger) {
      return periodIndex >= 1 && inLedger;
    }

    @Override
    public void accept(CustomerPeriod row) {
      if (row.periodIndex() < 1 || !row.inLedger()) {
        return; // the period before the first reported one, or no ARR at either end
      }
      if (!row.customerId().equals(lastId)) {
        lastId = row.customerId();
        lastCell = LedgerBytes.utf8(Formats.csvText(lastId));
      }
      format(row, lastCell, text);
      count++;
    }
  }

  @Override
  public Batch open() {
    return new Batch();
  }

  private LedgerBytes spareOrNew() {
    LedgerBytes bytes = spare.poll();
    if (bytes == null) {
      return new LedgerBytes(1 << 16);
    }
    bytes.clear();
    return bytes;
  }

  /** Hands the batch's bytes to the writer thread, waiting while it is far behind. */
  @Override
  public void close(Batch batch) {
    rethrowFailure();
    writeHeaderOnce();
    if (writer == null) {
      writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUED_BATCHES), runnable -> {
            Thread thread = new Thread(runnable, "upshift-ledger-writer");
            thread.setDaemon(true);
            return thread;
          }, (runnable, executor) -> {
            try {
              executor.getQueue().put(runnable); // wait: order must be kept, so never run here
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new UncheckedIOException(new InterruptedIOException("ledger write interrupted"));
            }
          });
    }
    LedgerBytes bytes = batch.text;
    writer.execute(() -> {
      if (writeFailure == null) {
        try {
          target.write(bytes.array(), bytes.size());
        } catch (IOException e) {
          writeFailure = e;
        }
      }
      if (spare.size() < SPARE_BUFFERS) {
        spare.add(bytes);
      }
    });
    rows += batch.count;
  }

  /** Number of rows written so far (the header not counted). */
  public long rows() {
    return rows;
  }

  /**
   * Writes one row.
   *
   * @throws IllegalArgumentException when the row's period is not a reported period
   * @throws UncheckedIOException when writing fails
   */
  @Override
  public void accept(CustomerPeriod row) {
    line.clear();
    format(row, customerCell(row.customerId()), line);
    writeHeaderOnce();
    try {
      target.write(line.array(), line.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger", e);
    }
    rows++;
  }

  /** Appends one row, CRLF included, to {@code b}. */
  private void format(CustomerPeriod row, byte[] customerCell, LedgerBytes b) {
    int period = row.periodIndex() - 1;
    if (period < 0 || period >= periodCells.length) {
      throw new IllegalArgumentException("period index " + row.periodIndex()
          + " is not a reported period (1.." + periodCells.length + ")");
    }
    Movement m = row.movement();
    byte[] periodCell = periodCells[period];
    b.reserve(periodCell.length + customerCell.length + ROW_NUMBERS * LedgerBytes.MAX_NUMBER + 64);
    b.put(periodCell).comma().put(customerCell).comma();
    LogoStatus status = m.status();
    if (status != null) {
      b.put(STATUS[status.ordinal()]);
    }
    b.comma().micros(m.arr0()).comma().micros(m.arr1());
    for (Component component : COMPONENTS) {
      b.comma().micros(m.component(component));
    }
    b.comma().micros(m.expansion()).comma().micros(m.contraction()).comma().micros(m.netNew());
    b.comma().number(m.seats0()).comma().number(m.seats1()).comma()
        .number(m.seats1() - m.seats0()).comma().flag(m.upsellUser()).comma()
        .micros(m.upsellRamp()).comma().flag(row.eligible()).comma().flag(row.upsold())
        .comma().micros(row.upsoldArr()).put(CRLF);
  }

  /** Writes the header if nothing was written yet, waits for every batch, then flushes. */
  @Override
  public void flush() throws IOException {
    writeHeaderOnce();
    drain();
    target.flush();
  }

  /** As {@link #flush()}, then closes the output. */
  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      if (writer != null) {
        writer.shutdownNow();
      }
      target.close();
    }
  }

  /** Waits until the writer thread has written every batch handed to it. */
  private void drain() throws IOException {
    if (writer != null) {
      try {
        writer.submit(() -> { }).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing the ledger");
      } catch (ExecutionException e) {
        throw new IOException("cannot write the ledger", e.getCause());
      }
    }
    if (writeFailure != null) {
      throw writeFailure;
    }
  }

  private void rethrowFailure() {
    if (writeFailure != null) {
      throw new UncheckedIOException("cannot write the ledger", writeFailure);
    }
  }

  private void writeHeaderOnce() {
    if (!headerWritten) {
      byte[] header = LedgerBytes.ascii(String.join(",", HEADER) + "\r\n");
      try {
        target.write(header, header.length);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the ledger", e);
      }
      headerWritten = true;
    }
  }

  /** Rows arrive customer by customer, so the escaped id of the previous row is usually reused. */
  private byte[] customerCell(String customerId) {
    if (!customerId.equals(lastCustomerId)) {
      lastCustomerId = customerId;
      lastCustomerCell = LedgerBytes.utf8(Formats.csvText(customerId));
    }
    return lastCustomerCell;
  }

  private static List<String> header() {
    List<String> names = new ArrayList<>();
    names.add("period");
    names.add("customer_id");
    names.add("status");
    names.add("arr_start");
    names.add("arr_end");
    for (Component component : Component.values()) {
      names.add(component.columnName());
    }
    names.addAll(List.of("expansion", "contraction", "net_new", "seats_start", "seats_end",
        "seat_movement", "upsell_user", "ramp", "eligible", "upsold", "upsold_arr"));
    return List.copyOf(names);
  }
}
