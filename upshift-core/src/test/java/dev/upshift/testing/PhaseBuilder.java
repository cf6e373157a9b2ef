package dev.upshift.testing;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-data builder for {@link Phase}, so tests read like the rows of {@code subscriptions.csv}:
 *
 * <pre>{@code
 * phase("C").plan("Standard").tier(1).seats(50).arr(50_000).from("2025-01-01").until("2026-03-15")
 * }</pre>
 *
 * <p>Defaults are those of §1.1/§10: product {@code default}, line = product, no plan, no tier, 0
 * seats, ARR 0, open-ended, signed on the start date, cancel signed on the end date, status
 * {@code active}, kind {@code recurring}. {@link #phases(PhaseBuilder...)} numbers rows in the order
 * given (line 2, 3, … as if read from a file with a header), which is the input order that breaks
 * ties in the contracted book. Mutable; not thread-safe.
 */
public final class PhaseBuilder {
  private final String customerId;
  private String lineId;
  private String product = "default";
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
  private Integer line;

  private PhaseBuilder(String customerId) {
    this.customerId = requireNonNull(customerId, "customerId is null");
  }

  /** A phase of customer {@code customerId}; set at least {@link #from(String)}. */
  public static PhaseBuilder phase(String customerId) {
    return new PhaseBuilder(customerId);
  }

  /** Builds the phases in order, numbering those without an explicit line 2, 3, …. */
  public static List<Phase> phases(PhaseBuilder... builders) {
    return phases(Arrays.asList(builders));
  }

  /** Builds the phases in order, numbering those without an explicit line 2, 3, …. */
  public static List<Phase> phases(List<PhaseBuilder> builders) {
    List<Phase> built = new ArrayList<>();
    int next = 2;
    for (PhaseBuilder builder : builders) {
      built.add(builder.line == null ? builder.build(next) : builder.build());
      next++;
    }
    return built;
  }

  /** A dataset of these phases only (USD, no plans, customers or health). */
  public static Dataset dataset(PhaseBuilder... builders) {
    return Dataset.of(phases(builders));
  }

  public PhaseBuilder line(String value) {
    lineId = value;
    return this;
  }

  public PhaseBuilder product(String value) {
    product = value;
    return this;
  }

  public PhaseBuilder plan(String value) {
    plan = value;
    return this;
  }

  public PhaseBuilder tier(Integer value) {
    tier = value;
    return this;
  }

  public PhaseBuilder seats(int value) {
    seats = value;
    return this;
  }

  /** ARR in whole currency units. */
  public PhaseBuilder arr(long units) {
    arrMicros = Micros.ofUnits(units);
    return this;
  }

  /** ARR in micro-units. */
  public PhaseBuilder arrMicros(long micros) {
    arrMicros = micros;
    return this;
  }

  /** ARR as an exact decimal (at most 6 decimals), e.g. {@code "1.000001"}. */
  public PhaseBuilder arr(String decimal) {
    BigDecimal value = new BigDecimal(decimal);
    if (value.scale() > Micros.SCALE && value.stripTrailingZeros().scale() > Micros.SCALE) {
      throw new IllegalArgumentException("more than 6 decimals: " + decimal);
    }
    arrMicros = Micros.of(value);
    return this;
  }

  /** {@code start_date}: the first day in force. */
  public PhaseBuilder from(String isoDate) {
    start = LocalDate.parse(isoDate);
    return this;
  }

  public PhaseBuilder from(LocalDate date) {
    start = date;
    return this;
  }

  public PhaseBuilder until(LocalDate date) {
    end = date;
    return this;
  }

  public PhaseBuilder signed(LocalDate date) {
    signed = date;
    return this;
  }

  /** {@code end_date}: the first day no longer in force (exclusive). */
  public PhaseBuilder until(String isoDate) {
    end = LocalDate.parse(isoDate);
    return this;
  }

  /** {@code signed_date}; defaults to the start date. */
  public PhaseBuilder signed(String isoDate) {
    signed = LocalDate.parse(isoDate);
    return this;
  }

  /** {@code cancel_signed_date}; defaults to the end date, ignored without one. */
  public PhaseBuilder cancelSigned(String isoDate) {
    cancelSigned = LocalDate.parse(isoDate);
    return this;
  }

  public PhaseBuilder status(PhaseStatus value) {
    status = value;
    return this;
  }

  public PhaseBuilder kind(PhaseKind value) {
    kind = value;
    return this;
  }

  /** The physical line (input order); {@link #phases(PhaseBuilder...)} numbers rows otherwise. */
  public PhaseBuilder inputLine(int value) {
    line = value;
    return this;
  }

  /** Builds the phase with its explicit input line, or line 0 when none was set. */
  public Phase build() {
    return build(line == null ? 0 : line);
  }

  private Phase build(int inputLine) {
    requireNonNull(start, "start date not set: call from(...)");
    LocalDate effectiveSigned = signed != null ? signed : start;
    LocalDate effectiveCancelSigned = end == null ? null : (cancelSigned != null ? cancelSigned : end);
    return new Phase(customerId, lineId != null ? lineId : product, product, plan, tier, seats,
        arrMicros, start, end, effectiveSigned, effectiveCancelSigned, status, kind, inputLine);
  }
}
