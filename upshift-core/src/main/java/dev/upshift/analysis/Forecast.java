package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The next-period Upsell Rate forecast of §6.3 and its back-test. Immutable. Counts are expected
 * values (not whole numbers) rounded half-even to 2 decimals; money is rounded to 2 decimals.
 * Every figure is {@code null} when there is no history to pool (no eligible customer in the
 * window).
 *
 * <p><b>Method.</b> For each tenure bucket {@code s} (the report's tenure edges, tenure at each
 * period's start): {@code rate_s = Σ upsold_s / Σ eligible_s} pooled over the window (the last
 * {@code K} reported periods). A bucket without history in the window takes the window's overall
 * pooled rate ({@link Bucket#pooledFromAll()}). {@code eligible_s} are the customers eligible in
 * the next period (active at the last {@code d1}, under the report's eligibility rules), bucketed
 * by tenure at the next period's start; {@code expectedUpsold = Σ rate_s · eligible_s}.
 *
 * <p><b>Interval.</b> 80%, normal approximation: {@code expected ± 1.2816 · √V} with
 * {@code V = Σ_s [n_s·p_s·(1−p_s) + n_s²·p_s·(1−p_s)/N_s]}: the binomial variance of next period's
 * outcome plus the binomial sampling variance of the pooled rate ({@code n_s} next-period
 * eligible, {@code N_s} window eligible). Bounds are clipped to {@code [0, eligible]}. ARR figures
 * are the upsold figures times the window's pooled {@code avgUpsoldArr = Σ upsoldArr / Σ upsold}.
 *
 * @param period label of the forecast period (the one after the last reported)
 * @param windowPeriods labels of the periods pooled
 * @param buckets by tenure bucket, in bucket order
 * @param eligible customers eligible in the forecast period
 * @param expectedUpsold expected upsold customers
 * @param upsoldLow lower bound of the 80% interval
 * @param upsoldHigh upper bound of the 80% interval
 * @param expectedRate {@code expectedUpsold / eligible · 100}
 * @param avgUpsoldArr pooled average qualifying ARR per upsold customer over the window
 * @param expectedUpsoldArr {@code expectedUpsold · avgUpsoldArr}
 * @param upsoldArrLow {@code upsoldLow · avgUpsoldArr}
 * @param upsoldArrHigh {@code upsoldHigh · avgUpsoldArr}
 * @param backtest how the same method did on the last {@code K} reported periods
 */
public record Forecast(String period, List<String> windowPeriods, List<Bucket> buckets,
    long eligible, BigDecimal expectedUpsold, BigDecimal upsoldLow, BigDecimal upsoldHigh,
    BigDecimal expectedRate, BigDecimal avgUpsoldArr, BigDecimal expectedUpsoldArr,
    BigDecimal upsoldArrLow, BigDecimal upsoldArrHigh, Backtest backtest) {

  /** Two-sided 80% normal quantile. */
  public static final double Z80 = 1.2815515655446004;

  public Forecast {
    requireNonNull(period, "period is null");
    windowPeriods = List.copyOf(windowPeriods);
    buckets = List.copyOf(buckets);
    requireNonNull(backtest, "backtest is null");
  }

  /**
   * One tenure bucket.
   *
   * @param tenure the bucket label ({@code 0-6}, {@code 7-12}, …)
   * @param windowEligible eligible customer-periods of the bucket in the window
   * @param windowUpsold upsold customer-periods of the bucket in the window
   * @param rate the rate applied, percent, 2 decimals
   * @param pooledFromAll whether the bucket had no history and took the overall window rate
   * @param eligible eligible customers of the bucket in the forecast period
   * @param expectedUpsold {@code rate · eligible}
   */
  public record Bucket(String tenure, long windowEligible, long windowUpsold, BigDecimal rate,
      boolean pooledFromAll, long eligible, BigDecimal expectedUpsold) {
    public Bucket {
      requireNonNull(tenure, "tenure is null");
    }
  }

  /**
   * The back-test: each of the last {@code K} reported periods that has an earlier reported period
   * is forecast from the (up to) {@code K} reported periods before it, with its own eligible
   * customers (known at its start), and compared with what happened.
   *
   * @param points one per back-tested period, oldest first
   * @param mape mean absolute percentage error over the points whose actual is > 0, percent
   * @param intervalCoverage share of points whose actual fell inside the 80% interval, percent
   */
  public record Backtest(List<BacktestPoint> points, BigDecimal mape, BigDecimal intervalCoverage) {
    public Backtest {
      points = List.copyOf(points);
    }
  }

  /**
   * One back-tested period.
   *
   * @param period the label of the period forecast
   * @param windowPeriods how many earlier periods were pooled
   * @param eligible its eligible customers
   * @param expectedUpsold the forecast
   * @param upsoldLow lower 80% bound
   * @param upsoldHigh upper 80% bound
   * @param actualUpsold what happened
   * @param absolutePercentageError {@code |actual − expected| / actual · 100}, {@code null} when
   *     the actual is 0
   */
  public record BacktestPoint(String period, int windowPeriods, long eligible,
      BigDecimal expectedUpsold, BigDecimal upsoldLow, BigDecimal upsoldHigh, long actualUpsold,
      BigDecimal absolutePercentageError) {
    public BacktestPoint {
      requireNonNull(period, "period is null");
    }
  }
}
