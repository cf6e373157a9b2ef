package dev.upshift.parquet;

import dev.upshift.input.BillingPeriod;
import dev.upshift.input.FxRates;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PhaseTable;
import dev.upshift.io.csv.CleanRows;
import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.money.ArrConversion;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Turns Arrow batches of a Parquet {@code subscriptions} file into a {@link PhaseTable}: the
 * Parquet counterpart of the CSV fast path's row parser, over typed columns instead of text.
 *
 * <p>Like it, it accepts only rows it can read with certainty, and gives up ({@link #declined()})
 * at the first thing outside that: a cell the strict reader would reject, text that is not plain
 * ASCII, a number beyond the fast arithmetic. Giving up is never an error: the caller then reads
 * the file through the strict CSV reader, which words every error. For the rows it accepts it
 * produces exactly what that reader produces: the same defaults, the same ARR in micro-units. The
 * columns' types were checked beforehand ({@link ParquetSchema}). Not thread-safe: one per part of
 * the file.
 */
final class ArrowRowParser {
  private static final long MAX_WHOLE = 999_999_999L; // the CSV fast path's 9 digits
  private static final long MAX_PRICE_UNITS = 1_000_000_000_000L; // 12 integer digits
  private static final int FIRST_DAY = (int) LocalDate.of(0, 1, 1).toEpochDay();
  private static final int LAST_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();

  private final FxRates fx;
  private final int lineOffset;
  private final CleanRows clean;

  private final TextColumn customerIds = new TextColumn();
  private final TextColumn lineIds = new TextColumn();
  private final TextColumn products = new TextColumn();
  private final TextColumn plans = new TextColumn();
  private final TextColumn billingPeriods = new TextColumn();
  private final TextColumn currencies = new TextColumn();
  private final TextColumn statuses = new TextColumn();
  private final TextColumn kinds = new TextColumn();
  private final NumberColumn tiers = new NumberColumn();
  private final NumberColumn seats = new NumberColumn();
  private final NumberColumn arrs = new NumberColumn();
  private final NumberColumn mrrs = new NumberColumn();
  private final NumberColumn amounts = new NumberColumn();
  private final NumberColumn startDates = new NumberColumn();
  private final NumberColumn endDates = new NumberColumn();
  private final NumberColumn signedDates = new NumberColumn();
  private final NumberColumn cancelSignedDates = new NumberColumn();
  private final NumberColumn rowNumbers = new NumberColumn();

  private VectorSchemaRoot batch;
  private String lastCustomer;
  private int lastCustomerRow;
  /** Rows of one currency reuse its conversion. */
  private final ArrConversion.LastRate conversions = new ArrConversion.LastRate();

  private boolean declined;
  private String declineReason;

  /**
   * @param lineOffset added to a row's 0-based number in the file to give its phase's line, so
   *     that both routes through the Parquet reader number phases alike
   * @param phases where the phases of the rows go, with room for all of them
   */
  ArrowRowParser(FxRates fx, int lineOffset, PhaseTable.Builder phases) {
    this.fx = fx;
    this.lineOffset = lineOffset;
    this.clean = new CleanRows(phases);
  }

  /**
   * Adds the rows of one batch; its last column is the rows' 0-based numbers in the file.
   *
   * @return false when it gave up
   */
  boolean parse(VectorSchemaRoot rowsOfBatch) {
    batch = rowsOfBatch;
    loadText(customerIds, SubscriptionColumns.CUSTOMER_ID);
    loadText(lineIds, SubscriptionColumns.LINE_ID);
    loadText(products, SubscriptionColumns.PRODUCT);
    loadText(plans, SubscriptionColumns.PLAN);
    loadText(billingPeriods, SubscriptionColumns.BILLING_PERIOD);
    loadText(currencies, SubscriptionColumns.CURRENCY);
    loadText(statuses, SubscriptionColumns.STATUS);
    loadText(kinds, SubscriptionColumns.KIND);
    tiers.load(vector(SubscriptionColumns.TIER));
    seats.load(vector(SubscriptionColumns.SEATS));
    arrs.load(vector(SubscriptionColumns.ARR));
    mrrs.load(vector(SubscriptionColumns.MRR));
    amounts.load(vector(SubscriptionColumns.AMOUNT));
    startDates.load(vector(SubscriptionColumns.START_DATE));
    endDates.load(vector(SubscriptionColumns.END_DATE));
    signedDates.load(vector(SubscriptionColumns.SIGNED_DATE));
    cancelSignedDates.load(vector(SubscriptionColumns.CANCEL_SIGNED_DATE));
    rowNumbers.load(batch.getFieldVectors().get(batch.getFieldVectors().size() - 1));
    lastCustomer = null;

    int count = batch.getRowCount();
    for (int row = 0; row < count && !declined; row++) {
      parseRow(row);
    }
    return !declined;
  }

  /**
   * One row; a method of its own so that the JIT compiles it after a few thousand rows, where a
   * loop over a whole batch would wait for on-stack replacement.
   */
  private void parseRow(int row) {
    String customer = customer(row);
    String productName = text(products, row, SubscriptionColumns.DEFAULT_PRODUCT);
    String lineName = text(lineIds, row, productName);
    String planName = text(plans, row, null);
    int tierValue = tiers.isNull(row) ? PhaseTable.NONE : whole(tiers, row, true);
    int seatCount = seats.isNull(row) ? 0 : whole(seats, row, false);
    long arrMicros = arrMicros(row);
    int start = startDates.isNull(row) ? decline("start_date") : day(startDates, row);
    int end = endDates.isNull(row) ? PhaseTable.NONE : day(endDates, row);
    int signed = signedDates.isNull(row) ? start : day(signedDates, row);
    int cancelSigned =
        cancelSignedDates.isNull(row) ? PhaseTable.NONE : day(cancelSignedDates, row);
    PhaseStatus status = word(statuses, row, PhaseStatus.ACTIVE, PhaseStatus::parse);
    PhaseKind kind = word(kinds, row, PhaseKind.RECURRING, PhaseKind::parse);
    if (declined) {
      return;
    }
    long line = rowNumbers.value(row) + lineOffset;
    if (line > Integer.MAX_VALUE) {
      decline("too many rows");
    } else if (!clean.add(customer, lineName, productName, planName, tierValue, seatCount,
        arrMicros, start, end, signed, cancelSigned, status, kind, (int) line)) {
      decline("end_date not after start_date");
    }
  }

  private FieldVector vector(String column) {
    return (FieldVector) batch.getVector(column);
  }

  private void loadText(TextColumn into, String column) {
    into.load((ViewVarCharVector) vector(column));
  }

  /** The customer id; input sorted by customer repeats the previous row's, so that is checked first. */
  private String customer(int row) {
    if (customerIds.isEmpty(row)) {
      return decline("customer_id", null);
    }
    if (lastCustomer == null || !customerIds.same(row, lastCustomerRow)) {
      if (customerIds.length(row) > SubscriptionColumns.MAX_CUSTOMER_ID_LENGTH
          || !customerIds.isPlain(row)) {
        return decline("customer_id", null);
      }
      lastCustomer = customerIds.newString(row);
    }
    lastCustomerRow = row;
    return lastCustomer;
  }

  /** A plain text cell, or {@code absent} when it is empty. */
  private String text(TextColumn column, int row, String absent) {
    if (column.isEmpty(row)) {
      return absent;
    }
    String text = column.text(row);
    return text != null ? text : decline("text that is not plain ASCII", absent);
  }

  /** A whole number as the CSV fast path takes it: at most nine digits, negative only if allowed. */
  private int whole(NumberColumn column, int row, boolean negativeAllowed) {
    long value = column.value(row);
    if (value > MAX_WHOLE || value < (negativeAllowed ? -MAX_WHOLE : 0)) {
      return decline("whole number out of range");
    }
    return (int) value;
  }

  private int day(NumberColumn column, int row) {
    long day = column.value(row);
    return day < FIRST_DAY || day > LAST_DAY ? decline("date out of range") : (int) day;
  }

  /** The ARR of the row's one price form, exactly as the strict reader computes it. */
  private long arrMicros(int row) {
    boolean hasArr = !arrs.isNull(row);
    boolean hasMrr = !mrrs.isNull(row);
    boolean hasAmount = !amounts.isNull(row);
    if ((hasArr ? 1 : 0) + (hasMrr ? 1 : 0) + (hasAmount ? 1 : 0) != 1) {
      return decline("price forms");
    }
    NumberColumn price = hasArr ? arrs : hasMrr ? mrrs : amounts;
    long priceMicros = micros(price, row);
    int months = hasArr ? 12 : hasMrr ? 1 : months(row);
    BigDecimal rate = rate(row);
    if (declined) {
      return 0;
    }
    try {
      return conversions.arrMicros(rate, priceMicros, months);
    } catch (ArithmeticException e) {
      return decline("beyond long arithmetic: " + e.getMessage());
    }
  }

  /**
   * A non-negative price as micro-units: a decimal with at most six significant decimals, or a
   * whole number, of at most twelve integer digits.
   */
  private long micros(NumberColumn column, int row) {
    long value = column.value(row);
    if (!column.isDecimal()) {
      return value < 0 || value >= MAX_PRICE_UNITS ? decline("price out of range")
          : value * Micros.ONE;
    }
    if (!column.fitsInLong(row) || value < 0) {
      return decline("negative or huge price");
    }
    long micros = toMicros(value, column.scale());
    return micros < 0 || micros >= MAX_PRICE_UNITS * Micros.ONE ? decline("price too long") : micros;
  }

  /** An unscaled decimal as micro-units, or -1 when it needs more than six decimals. */
  private static long toMicros(long unscaled, int scale) {
    long value = unscaled;
    for (int s = scale; s < Micros.SCALE; s++) {
      if (value > Long.MAX_VALUE / 10) {
        return -1;
      }
      value *= 10;
    }
    for (int s = scale; s > Micros.SCALE; s--) {
      if (value % 10 != 0) {
        return -1;
      }
      value /= 10;
    }
    return value;
  }

  private int months(int row) {
    if (billingPeriods.isEmpty(row)) {
      return decline("billing_period");
    }
    BillingPeriod period = word(billingPeriods, row, null, BillingPeriod::parse);
    return period == null ? 0 : period.months();
  }

  /** The FX rate of the row's currency: exactly three capital letters that fx.csv knows. */
  private BigDecimal rate(int row) {
    if (currencies.isEmpty(row)) {
      return BigDecimal.ONE;
    }
    return word(currencies, row, null, code -> code.matches("[A-Z]{3}") ? fx.rate(code)
        : Optional.empty());
  }

  /**
   * A status, kind, billing period or FX rate, parsed with the strict reader's own parsers;
   * {@code absent} for an empty cell. Unknown values give up.
   */
  private <T> T word(TextColumn column, int row, T absent, Function<String, Optional<T>> parser) {
    if (column.isEmpty(row)) {
      return absent;
    }
    Optional<T> value = column.word(row, parser);
    if (value == null) {
      return decline("text that is not plain ASCII", absent);
    }
    return value.isPresent() ? value.get() : decline("unknown " + column.newString(row), absent);
  }

  private int decline(String reason) {
    return decline(reason, 0);
  }

  private <T> T decline(String reason, T result) {
    if (!declined) {
      declined = true;
      declineReason = reason;
    }
    return result;
  }

  /** Gives up for a reason found outside the rows (the query failed). */
  void giveUp(String reason) {
    decline(reason);
  }

  boolean declined() {
    return declined;
  }

  /** Why the fast path gave up (for diagnostics), or {@code null}. */
  String declineReason() {
    return declineReason;
  }

  /** The rows read and sure; the parser must not be used afterwards. */
  CleanRows rows() {
    return clean;
  }
}
