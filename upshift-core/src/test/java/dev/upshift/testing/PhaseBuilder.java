package dev.upshift.testing;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.money.Micros;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test rows for {@link Phase}, so tests read like the rows of {@code subscriptions.csv}:
 *
 * <pre>{@code
 * phase("C").plan("Standard").tier(1).seats(50).arr(50_000).from("2025-01-01").until("2026-03-15")
 * }</pre>
 *
 * <p>The fields and their §1.1/§10 defaults are those of the public {@link Phase.Builder}, which this
 * wraps; it only adds test conveniences: ARR in whole units ({@link #arr(long)}), a nullable tier,
 * and {@link #phases(PhaseBuilder...)}, which numbers rows in the order given (line 2, 3, … as if
 * read from a file with a header), the input order that breaks ties in the contracted book.
 * Mutable; not thread-safe.
 */
public final class PhaseBuilder {
  private final Phase.Builder phase;
  private Integer line;

  private PhaseBuilder(String customerId) {
    phase = Phase.builder(customerId);
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
      built.add(builder.build(builder.line == null ? next : builder.line));
      next++;
    }
    return built;
  }

  /** A dataset of these phases only (USD, no plans, customers or health). */
  public static Dataset dataset(PhaseBuilder... builders) {
    return Dataset.of(phases(builders));
  }

  /** {@code line_id}. */
  public PhaseBuilder line(String value) {
    phase.lineId(value);
    return this;
  }

  public PhaseBuilder product(String value) {
    phase.product(value);
    return this;
  }

  public PhaseBuilder plan(String value) {
    phase.plan(value);
    return this;
  }

  /** The explicit tier, or {@code null} for none. */
  public PhaseBuilder tier(Integer value) {
    if (value == null) {
      phase.noTier();
    } else {
      phase.tier(value);
    }
    return this;
  }

  public PhaseBuilder seats(int value) {
    phase.seats(value);
    return this;
  }

  /** ARR in whole currency units. */
  public PhaseBuilder arr(long units) {
    phase.arrMicros(Micros.ofUnits(units));
    return this;
  }

  /** ARR in micro-units. */
  public PhaseBuilder arrMicros(long micros) {
    phase.arrMicros(micros);
    return this;
  }

  /** ARR as an exact decimal (at most 6 decimals), e.g. {@code "1.000001"}. */
  public PhaseBuilder arr(String decimal) {
    phase.arr(decimal);
    return this;
  }

  /** {@code start_date}: the first day in force. */
  public PhaseBuilder from(String isoDate) {
    phase.from(isoDate);
    return this;
  }

  public PhaseBuilder from(LocalDate date) {
    phase.from(date);
    return this;
  }

  /** {@code end_date}: the first day no longer in force (exclusive). */
  public PhaseBuilder until(String isoDate) {
    phase.until(isoDate);
    return this;
  }

  public PhaseBuilder until(LocalDate date) {
    phase.until(date);
    return this;
  }

  /** {@code signed_date}; defaults to the start date. */
  public PhaseBuilder signed(String isoDate) {
    phase.signed(isoDate);
    return this;
  }

  public PhaseBuilder signed(LocalDate date) {
    phase.signed(date);
    return this;
  }

  /** {@code cancel_signed_date}; defaults to the end date, ignored without one. */
  public PhaseBuilder cancelSigned(String isoDate) {
    phase.cancelSigned(isoDate);
    return this;
  }

  public PhaseBuilder status(PhaseStatus value) {
    phase.status(value);
    return this;
  }

  public PhaseBuilder kind(PhaseKind value) {
    phase.kind(value);
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
    return phase.sourceLine(inputLine).build();
  }
}
