package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The measured effect of one initiative (§6.5). Immutable.
 *
 * <p>Periods are the report's reported periods. Baseline: the (up to) 3 periods that end before
 * the launch date. Current: every period that ends on or after the launch date, so the period the
 * launch falls in counts as current. Rates are pooled ({@code Σ upsold / Σ eligible}) over the
 * initiative's segment ({@code dim=value}, segment values as in §6.1; all customers when it has
 * none). {@code improvement = currentRate − baselineRate} in points and
 * {@code arrImpact = (currentRate − baselineRate)/100 · Σ eligible since launch · avgUpsoldArr since
 * launch} are computed from the exact rates and rounded once to 2 decimals; both are {@code null}
 * when either rate is.
 *
 * @param segment {@code dim=value}, or {@code null} for all customers
 * @param baselinePeriods labels of the baseline periods (empty when the launch is before the range)
 * @param currentPeriods labels of the periods since launch
 * @param avgUpsoldArr {@code Σ upsoldArr / Σ upsold} over the current periods
 */
public record InitiativeImpact(String name, LocalDate launchDate, String segment,
    List<String> baselinePeriods, long baselineEligible, long baselineUpsold,
    BigDecimal baselineRate, List<String> currentPeriods, long currentEligible,
    long currentUpsold, BigDecimal currentRate, BigDecimal improvement, BigDecimal avgUpsoldArr,
    BigDecimal arrImpact) {

  /** Baseline periods before the launch (§6.5). */
  public static final int BASELINE_PERIODS = 3;

  public InitiativeImpact {
    requireNonNull(name, "name is null");
    requireNonNull(launchDate, "launchDate is null");
    baselinePeriods = List.copyOf(baselinePeriods);
    currentPeriods = List.copyOf(currentPeriods);
  }
}
