package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The cohort triangle of §6.2: customers grouped by the month or quarter of their
 * {@code first_active_date}, and for each cohort and reported period the Upsell Rate and NRR of
 * the cohort's members. Immutable.
 *
 * <p><b>Age.</b> A cell's {@code age} counts whole report periods from the period containing the
 * cohort's first month to the reported period ({@code 0} = the period the cohort started in). With
 * a monthly report ages are months, with a quarterly one quarters. Cohorts that started before the
 * report range have no young cells, so older cohorts start further right: the triangle is the
 * report range seen by age.
 *
 * <p><b>Cells.</b> A cell covers the cohort members active at the period's opening snapshot
 * ({@code A0 > 0}): {@code eligible} and {@code upsold} as in §5.5 (with the report's
 * configuration), and {@code nrr = Σ A1 / Σ A0 · 100} over the same members (§5.7 restricted to
 * the cohort). A cell exists only when at least one member was active at {@code d0}; the period a
 * cohort starts in therefore has no cell for month cohorts.
 *
 * @param cohortGrain {@link Grain#MONTH} or {@link Grain#QUARTER}
 * @param ageGrain the report's grain, the unit of {@link Cell#age()}
 * @param cohorts cohorts, oldest first
 */
public record Cohorts(Grain cohortGrain, Grain ageGrain, List<Cohort> cohorts) {
  public Cohorts {
    requireNonNull(cohortGrain, "cohortGrain is null");
    requireNonNull(ageGrain, "ageGrain is null");
    cohorts = List.copyOf(cohorts);
  }

  /** The largest age of any cell, or -1 without cells. */
  public int maxAge() {
    return cohorts.stream().flatMap(c -> c.cells().stream()).mapToInt(Cell::age).max().orElse(-1);
  }

  /**
   * One cohort.
   *
   * @param label {@code 2025-03} for a month cohort, the report calendar's quarter label
   *     ({@code 2025-Q1}, {@code FY2026-Q1}) for a quarter cohort
   * @param firstMonth the cohort's first calendar month
   * @param customers distinct members with at least one row in the reported periods
   * @param cells by ascending age
   */
  public record Cohort(String label, YearMonth firstMonth, long customers, List<Cell> cells) {
    public Cohort {
      requireNonNull(label, "label is null");
      requireNonNull(firstMonth, "firstMonth is null");
      cells = List.copyOf(cells);
    }
  }

  /**
   * One cohort in one reported period.
   *
   * @param age whole report periods since the period the cohort started in
   * @param period the reported period's label
   * @param customers members active at {@code d0}
   * @param eligible members eligible for the Upsell Rate
   * @param upsold eligible members upsold
   * @param rate {@code upsold / eligible · 100}, 2 decimals, {@code null} when none is eligible
   * @param arrStarting {@code Σ A0} of the members active at {@code d0}, exact
   * @param arrEnding {@code Σ A1} of the same members, exact
   * @param nrr {@code arrEnding / arrStarting · 100}, 2 decimals
   */
  public record Cell(int age, String period, long customers, long eligible, long upsold,
      BigDecimal rate, BigDecimal arrStarting, BigDecimal arrEnding, BigDecimal nrr) {
    public Cell {
      requireNonNull(period, "period is null");
      requireNonNull(arrStarting, "arrStarting is null");
      requireNonNull(arrEnding, "arrEnding is null");
    }
  }
}
