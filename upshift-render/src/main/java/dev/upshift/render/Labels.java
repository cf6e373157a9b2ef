package dev.upshift.render;

import dev.upshift.report.Coverage;
import dev.upshift.report.PeriodReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Names and marks every output shares, so that one figure has one name everywhere (#14): "Upsell
 * ARR" is only {@code arr.upsell}, the tier upgrades (§5.1); the qualifying ARR of the customers
 * the Upsell Rate counts as upsold ({@code upsellRate.upsoldArr}) is the expansion ARR of upsold
 * customers, which also holds seats, add-ons and cross-sell under the default definition.
 */
public final class Labels {
  /** {@code upsellRate.upsoldArr}: the expansion ARR of the upsold customers. */
  public static final String UPSOLD_EXPANSION = "Upsold expansion ARR";
  /** {@code upsellRate.avgUpsoldArr}: per upsold customer. */
  public static final String AVG_UPSOLD_EXPANSION = "Avg upsold expansion ARR";
  /** The mark of a period the data does not cover whole ({@link Coverage#whole()}). */
  public static final String PARTIAL_MARK = "*";

  private Labels() {}

  /** A period's label with the mark when the data does not cover it whole. */
  public static String period(PeriodReport period) {
    return period.coverage().whole() ? period.period() : period.period() + PARTIAL_MARK;
  }

  /**
   * The footnotes of the marked periods, one per period ({@code * 2024-Q4: data covers …}); empty
   * when every period is whole.
   */
  public static List<String> coverageNotes(List<PeriodReport> periods) {
    List<String> notes = new ArrayList<>();
    for (PeriodReport p : periods) {
      if (!p.coverage().whole()) {
        notes.add(PARTIAL_MARK + " " + p.period() + ": " + p.coverage().note()
            + (p.coverage().judged() ? "." : "; not judged against targets or benchmarks."));
      }
    }
    return notes;
  }
}
