package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of {@code subscriptions.csv}: a span of days during which one subscription line of one
 * customer is in a given state (§1.1). Immutable; validated on construction.
 *
 * <p>Defaults of §10 are already applied: {@code product} is never empty, {@code lineId} defaults to
 * the product, {@code signed} to {@code start}, and {@code cancelSigned} to {@code end} (it is
 * {@code null} exactly when {@code end} is). {@code arrMicros} is the recurring price normalised to
 * twelve months and converted to the reporting currency, in micro-units ({@link
 * dev.upshift.money.Micros}).
 *
 * <p>Build one with {@link #builder(String)}, which names every field and applies those defaults:
 *
 * <pre>{@code
 * Phase standard = Phase.builder("acme").product("platform").plan("Standard").tier(1).seats(10)
 *     .arr("12000").from("2025-06-01").until("2026-03-15").build();
 * }</pre>
 *
 * @param customerId the customer (logo), 1–256 characters, case-sensitive
 * @param lineId the subscription line within the customer
 * @param product the product or module, used for cross-sell
 * @param plan the plan or edition name, or {@code null}
 * @param tier the explicit tier rank from the row, or {@code null} to look it up in plans.csv
 * @param seats billable seats, ≥ 0
 * @param arrMicros ARR in reporting-currency micro-units, ≥ 0
 * @param start first day in force
 * @param end first day no longer in force (exclusive), or {@code null} when open-ended
 * @param signed the day the phase was contracted
 * @param cancelSigned the day the ending was contracted, or {@code null} when open-ended
 * @param status the row's status
 * @param kind the row's kind
 * @param line the physical line in the source CSV file (header = 1), the row in a Parquet file
 *     (first row = 1), or the record's position in a batch; also the input order used to break ties
 */
public record Phase(
    String customerId,
    String lineId,
    String product,
    String plan,
    Integer tier,
    int seats,
    long arrMicros,
    LocalDate start,
    LocalDate end,
    LocalDate signed,
    LocalDate cancelSigned,
    PhaseStatus status,
    PhaseKind kind,
    int line) {

  public Phase {
    requireNonNull(customerId, "customerId is null");
    requireNonNull(lineId, "lineId is null");
    requireNonNull(product, "product is null");
    requireNonNull(start, "start is null");
    requireNonNull(signed, "signed is null");
    requireNonNull(status, "status is null");
    requireNonNull(kind, "kind is null");
    if (customerId.isEmpty() || customerId.length() > 256) {
      throw new IllegalArgumentException("customerId must have 1 to 256 characters: " + customerId);
    }
    if (seats < 0) {
      throw new IllegalArgumentException("seats < 0: " + seats);
    }
    if (arrMicros < 0) {
      throw new IllegalArgumentException("arrMicros < 0: " + arrMicros);
    }
    if (end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " is not after start " + start);
    }
    if ((end == null) != (cancelSigned == null)) {
      throw new IllegalArgumentException("cancelSigned must be set exactly when end is");
    }
  }

  /**
   * A builder for a phase of customer {@code customerId} with the defaults of §1.1/§10; set at least
   * {@link Builder#from(LocalDate) from}.
   *
   * @throws NullPointerException when {@code customerId} is null
   */
  public static Builder builder(String customerId) {
    return new Builder(customerId);
  }

  /** Billable phases contribute ARR and seats: active, recurring or committed usage, price > 0. */
  public boolean billable() {
    return ignoredReason().isEmpty();
  }

  /**
   * Why this row contributes nothing, or empty when it is billable: status first, then kind, then a
   * zero price (§10), so that each non-billable row has exactly one reason.
   */
  public Optional<IgnoredReason> ignoredReason() {
    return Optional.ofNullable(IgnoredReason.of(status, kind, arrMicros));
  }

  /** Whether this row is a phase of a subscription line (overage and one-time rows are not). */
  public boolean belongsToLine() {
    return kind.belongsToLine();
  }

  /**
   * Names the fields of a {@link Phase} one by one, as the columns of {@code subscriptions.csv} do,
   * and fills in what is left out as §10 does for empty cells: product {@code default}, line id =
   * the product, no plan, no tier, 0 seats, ARR 0, open-ended, signed on the start date, the ending
   * signed on the end date, status {@code active}, kind {@code recurring}, source line 0.
   *
   * <p>Mutable and not thread-safe. The text and date setters take {@code null} (text also the
   * empty string) to mean "the default"; {@code status} and {@code kind} must not be null. {@link
   * #build()} validates through the record's constructor, leaves the builder as it was, and can be
   * called again for another phase.
   */
  public static final class Builder {
    private final String customerId;
    private String lineId;
    private String product;
    private String plan;
    private Integer tier;
    private int seats;
    private long arrMicros;
    private LocalDate start;
    private LocalDate end;
    private LocalDate signed;
    private LocalDate cancelSigned;
    private PhaseStatus status = PhaseStatus.ACTIVE;
    private PhaseKind kind = PhaseKind.RECURRING;
    private int sourceLine;

    private Builder(String customerId) {
      this.customerId = requireNonNull(customerId, "customerId is null");
    }

    /** {@code line_id}: the subscription line within the customer; default the product. */
    public Builder lineId(String value) {
      lineId = value;
      return this;
    }

    /** {@code product}: the product or module; default {@code default}. */
    public Builder product(String value) {
      product = value;
      return this;
    }

    /** {@code plan}: the plan or edition name; default none. */
    public Builder plan(String value) {
      plan = value;
      return this;
    }

    /** {@code tier}: the plan's rank within its product, higher = more features. */
    public Builder tier(int rank) {
      tier = rank;
      return this;
    }

    /** No explicit tier (the default): the engine looks the plan up in {@code plans.csv}. */
    public Builder noTier() {
      tier = null;
      return this;
    }

    /** {@code seats}: billable seats, ≥ 0; default 0 (a product not sold by seat). */
    public Builder seats(int value) {
      seats = value;
      return this;
    }

    /**
     * {@code arr}: the annual recurring price in the reporting currency, an exact decimal ≥ 0 with
     * at most 6 decimals that carry a digit, e.g. {@code "12000"} or {@code "999.999999"}.
     *
     * @throws NumberFormatException when {@code decimal} is not a number
     * @throws IllegalArgumentException when it is negative or has more than 6 decimals
     * @throws ArithmeticException when it does not fit in micro-units
     */
    public Builder arr(String decimal) {
      return arr(new BigDecimal(requireNonNull(decimal, "arr is null")));
    }

    /** As {@link #arr(String)}. */
    public Builder arr(BigDecimal value) {
      arrMicros = exactMicros("arr", value);
      return this;
    }

    /** The ARR in micro-units of the reporting currency ({@link Micros}), ≥ 0. */
    public Builder arrMicros(long micros) {
      arrMicros = micros;
      return this;
    }

    /**
     * {@code mrr}: the monthly recurring price; the ARR is exactly 12 times it. The same rules as
     * {@link #arr(String)} apply to {@code decimal}.
     */
    public Builder mrr(String decimal) {
      return mrr(new BigDecimal(requireNonNull(decimal, "mrr is null")));
    }

    /** As {@link #mrr(String)}. */
    public Builder mrr(BigDecimal value) {
      // Checked before multiplying: the 6-decimal rule is about the price as given (§1.1).
      exactMicros("mrr", value);
      arrMicros = Micros.of(value.multiply(BigDecimal.valueOf(12)));
      return this;
    }

    /** {@code start_date}: the first day in force (required). */
    public Builder from(LocalDate date) {
      start = date;
      return this;
    }

    /** As {@link #from(LocalDate)}, from an ISO date such as {@code "2025-06-01"}. */
    public Builder from(String isoDate) {
      return from(date(isoDate));
    }

    /**
     * {@code end_date}: the first day <em>no longer</em> in force (exclusive), after the start;
     * {@code null} (the default) for an open-ended phase.
     */
    public Builder until(LocalDate dateExclusive) {
      end = dateExclusive;
      return this;
    }

    /** As {@link #until(LocalDate)}, from an ISO date; the phase ends the day before. */
    public Builder until(String isoDateExclusive) {
      return until(date(isoDateExclusive));
    }

    /** {@code signed_date}: the day the phase was contracted; default the start date. */
    public Builder signed(LocalDate date) {
      signed = date;
      return this;
    }

    /** As {@link #signed(LocalDate)}, from an ISO date. */
    public Builder signed(String isoDate) {
      return signed(date(isoDate));
    }

    /**
     * {@code cancel_signed_date}: the day the ending was contracted; default the end date, and
     * ignored when the phase is open-ended (§10).
     */
    public Builder cancelSigned(LocalDate date) {
      cancelSigned = date;
      return this;
    }

    /** As {@link #cancelSigned(LocalDate)}, from an ISO date. */
    public Builder cancelSigned(String isoDate) {
      return cancelSigned(date(isoDate));
    }

    /** {@code status}; default {@link PhaseStatus#ACTIVE}. */
    public Builder status(PhaseStatus value) {
      status = value;
      return this;
    }

    /** {@code kind}; default {@link PhaseKind#RECURRING}. */
    public Builder kind(PhaseKind value) {
      kind = value;
      return this;
    }

    /**
     * Where the phase came from: the physical line of a CSV file (header = 1), the row of a Parquet
     * file or the position in a batch; default 0 (no source). It also breaks ties in input order.
     */
    public Builder sourceLine(int value) {
      sourceLine = value;
      return this;
    }

    /**
     * A new phase with the defaults applied.
     *
     * @throws NullPointerException when no start date was set
     * @throws IllegalArgumentException when the record rejects a value, e.g. an end on or before
     *     the start, negative seats or ARR, or a customer id longer than 256 characters
     */
    public Phase build() {
      requireNonNull(start, "start is null: call from(...)");
      String effectiveProduct = isEmpty(product) ? "default" : product;
      return new Phase(customerId, isEmpty(lineId) ? effectiveProduct : lineId, effectiveProduct,
          isEmpty(plan) ? null : plan, tier, seats, arrMicros, start, end,
          signed != null ? signed : start,
          end == null ? null : (cancelSigned != null ? cancelSigned : end),
          status, kind, sourceLine);
    }

    private static long exactMicros(String column, BigDecimal value) {
      requireNonNull(value, column + " is null");
      if (value.signum() < 0) {
        throw new IllegalArgumentException(column + " < 0: " + value.toPlainString());
      }
      // A price is never rounded on input (§1.3): 1.0000001 is refused, 1.0000000 is 1.
      if (value.stripTrailingZeros().scale() > Micros.SCALE) {
        throw new IllegalArgumentException(
            column + " has more than " + Micros.SCALE + " decimals: " + value.toPlainString());
      }
      return Micros.of(value);
    }

    private static LocalDate date(String isoDate) {
      return isoDate == null ? null : LocalDate.parse(isoDate);
    }

    private static boolean isEmpty(String text) {
      return text == null || text.isEmpty();
    }
  }
}
