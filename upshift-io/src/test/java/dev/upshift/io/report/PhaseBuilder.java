package dev.upshift.io.report;

import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data that reads like the spec:
 * {@code phase("C").plan("Standard").tier(1).seats(50).arr("50000").from("2025-01-01")}.
 */
final class PhaseBuilder {
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

  private PhaseBuilder(String customerId) {
    this.customerId = customerId;
  }

  static PhaseBuilder phase(String customerId) {
    return new PhaseBuilder(customerId);
  }

  /**
   * Builds the phases in order, numbering their source lines like a file whose header is line 1.
   */
  static List<Phase> phases(PhaseBuilder... builders) {
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < builders.length; i++) {
      phases.add(builders[i].build(i + 2));
    }
    return phases;
  }

  PhaseBuilder line(String value) {
    lineId = value;
    return this;
  }

  PhaseBuilder product(String value) {
    product = value;
    return this;
  }

  PhaseBuilder plan(String value) {
    plan = value;
    return this;
  }

  PhaseBuilder tier(int value) {
    tier = value;
    return this;
  }

  PhaseBuilder seats(int value) {
    seats = value;
    return this;
  }

  PhaseBuilder arr(String value) {
    arrMicros = Micros.of(new BigDecimal(value));
    return this;
  }

  PhaseBuilder arrMicros(long value) {
    arrMicros = value;
    return this;
  }

  PhaseBuilder from(String date) {
    start = LocalDate.parse(date);
    return this;
  }

  PhaseBuilder from(LocalDate date) {
    start = date;
    return this;
  }

  /** The first day no longer in force (exclusive). */
  PhaseBuilder until(String date) {
    return until(LocalDate.parse(date));
  }

  PhaseBuilder until(LocalDate date) {
    end = date;
    return this;
  }

  PhaseBuilder signed(String date) {
    return signed(LocalDate.parse(date));
  }

  PhaseBuilder signed(LocalDate date) {
    signed = date;
    return this;
  }

  PhaseBuilder cancelSigned(String date) {
    cancelSigned = LocalDate.parse(date);
    return this;
  }

  PhaseBuilder status(PhaseStatus value) {
    status = value;
    return this;
  }

  Phase build(int sourceLine) {
    return new Phase(customerId, lineId != null ? lineId : product, product, plan, tier, seats,
        arrMicros, start, end, signed != null ? signed : start,
        end == null ? null : (cancelSigned != null ? cancelSigned : end), status,
        PhaseKind.RECURRING, sourceLine);
  }
}
