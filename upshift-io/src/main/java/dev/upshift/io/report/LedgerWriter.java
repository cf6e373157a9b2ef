package dev.upshift.io.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.RowSink;
import dev.upshift.metric.RowSinks;
import dev.upshift.movement.Component;
import dev.upshift.movement.LogoStatus;
import dev.upshift.movement.Movement;
import dev.upshift.time.Period;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Built for millions of rows: one reused buffer per row, amounts formatted from micro-units by
 * hand (no {@code BigDecimal} per cell), a buffered writer. Output is deterministic: the engine
 * emits rows in customer-id order and this class adds no ordering of its own. The header is
 * written with the first row, or by {@link #flush()} / {@link #close()} when there is none.
 *
 * <p>Two ways to feed it. As the engine's {@link RowSinks} (pass it to {@code Upshift.report(dataset,
 * options, ledger, progress)}), each batch of customers is formatted and encoded on the thread that
 * computed it, and only the finished bytes are written, in batch order: a million customers'
 * ledger costs little more than the report. As a {@link Consumer}, rows are formatted one by one on
 * the calling thread. Not thread-safe otherwise. I/O errors surface as {@link
 * UncheckedIOException}, since neither interface can throw.
 */
public final class LedgerWriter
    implements Consumer<CustomerPeriod>, RowSinks<LedgerWriter.Batch>, Closeable, Flushable {
  /** The column names, in order. */
  public static final List<String> HEADER = header();

  private static final String CRLF = "\r\n";
  private static final Component[] COMPONENTS = Component.values();

  private final String[] periodCells;
  private final Writer out;
  private final OutputStream bytes;
  private final StringBuilder line = new StringBuilder(320);
  private char[] chars = new char[320];
  private boolean headerWritten;
  private String lastCustomerId;
  private String lastCustomerCell;
  private long rows;

  /**
   * Creates a ledger writing text to {@code out}, which it buffers and closes on {@link #close()}.
   *
   * @param reportedPeriods the report's periods ({@code Upshift.periods(dataset, options)}): a
   *     row's {@code periodIndex} {@code i} is labelled with element {@code i − 1}
   */
  public LedgerWriter(List<Period> reportedPeriods, Writer out) {
    requireNonNull(out, "out is null");
    this.periodCells = cells(reportedPeriods);
    this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    this.bytes = null;
  }

  /**
   * Creates a ledger writing UTF-8 to {@code out}, which it closes on {@link #close()}: as {@link
   * RowSinks}, batches are encoded on the threads that computed them.
   */
  public LedgerWriter(List<Period> reportedPeriods, OutputStream out) {
    requireNonNull(out, "out is null");
    this.periodCells = cells(reportedPeriods);
    this.bytes = out;
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private static String[] cells(List<Period> reportedPeriods) {
    requireNonNull(reportedPeriods, "reportedPeriods is null");
    return reportedPeriods.stream().map(p -> Formats.csvText(p.label())).toArray(String[]::new);
  }

  /** One batch's rows, formatted on the thread that computed them. */
  public final class Batch implements RowSink {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private String lastId;
    private String lastCell;
    private byte[] encoded;
    private long count;

    @Override
    public void accept(CustomerPeriod row) {
      if (row.periodIndex() < 1 || !row.inLedger()) {
        return; // the period before the first reported one, or no ARR at either end
      }
      if (!row.customerId().equals(lastId)) {
        lastId = row.customerId();
        lastCell = Formats.csvText(lastId);
      }
      format(row, lastCell, text);
      count++;
    }

    @Override
    public void finish() {
      if (bytes != null) {
        encoded = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        text.trimToSize();
      }
    }
  }

  @Override
  public Batch open() {
    return new Batch();
  }

  @Override
  public void close(Batch batch) {
    try {
      writeHeaderOnce();
      if (batch.encoded != null) {
        out.flush(); // the header, through the writer, before the bytes
        bytes.write(batch.encoded);
      } else {
        out.append(batch.text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger", e);
    }
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
    StringBuilder b = line;
    b.setLength(0);
    format(row, customerCell(row.customerId()), b);
    try {
      writeHeaderOnce();
      int length = b.length();
      if (chars.length < length) {
        chars = new char[Math.max(length, chars.length * 2)];
      }
      b.getChars(0, length, chars, 0);
      out.write(chars, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger", e);
    }
    rows++;
  }

  /** Appends one row, CRLF included, to {@code b}. */
  private void format(CustomerPeriod row, String customerCell, StringBuilder b) {
    int period = row.periodIndex() - 1;
    if (period < 0 || period >= periodCells.length) {
      throw new IllegalArgumentException("period index " + row.periodIndex()
          + " is not a reported period (1.." + periodCells.length + ")");
    }
    Movement m = row.movement();
    b.append(periodCells[period]).append(',').append(customerCell).append(',');
    LogoStatus status = m.status();
    b.append(status == null ? "" : status.code()).append(',');
    Formats.appendMicros(b, m.arr0());
    b.append(',');
    Formats.appendMicros(b, m.arr1());
    for (Component component : COMPONENTS) {
      b.append(',');
      Formats.appendMicros(b, m.component(component));
    }
    b.append(',');
    Formats.appendMicros(b, m.expansion());
    b.append(',');
    Formats.appendMicros(b, m.contraction());
    b.append(',');
    Formats.appendMicros(b, m.netNew());
    b.append(',').append(m.seats0()).append(',').append(m.seats1()).append(',')
        .append(m.seats1() - m.seats0()).append(',').append(flag(m.upsellUser())).append(',');
    Formats.appendMicros(b, m.upsellRamp());
    b.append(',').append(flag(row.eligible())).append(',').append(flag(row.upsold())).append(',');
    Formats.appendMicros(b, row.upsoldArr());
    b.append(CRLF);
  }

  /** Writes the header if nothing was written yet, then flushes. */
  @Override
  public void flush() throws IOException {
    writeHeaderOnce();
    out.flush();
  }

  /** Writes the header if nothing was written yet, then flushes and closes the writer. */
  @Override
  public void close() throws IOException {
    try {
      writeHeaderOnce();
    } finally {
      out.close();
    }
  }

  private void writeHeaderOnce() throws IOException {
    if (!headerWritten) {
      out.write(String.join(",", HEADER));
      out.write(CRLF);
      headerWritten = true;
    }
  }

  /** Rows arrive customer by customer, so the escaped id of the previous row is usually reused. */
  private String customerCell(String customerId) {
    if (!customerId.equals(lastCustomerId)) {
      lastCustomerId = customerId;
      lastCustomerCell = Formats.csvText(customerId);
    }
    return lastCustomerCell;
  }

  private static char flag(boolean value) {
    return value ? '1' : '0';
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
