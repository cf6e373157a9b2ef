package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Good / Watch / Bad signals of §6.6, each with the figures that decided it. Immutable.
 *
 * <p>The window is the last 3 reported periods (fewer when the report is shorter).
 *
 * <p><b>Upsell Users.</b> The share of logos is {@code upsellUsersShareOfLogos} (§5.4) of each
 * period. {@code Bad} when the last period has no Upsell User while new logos arrived in it, or
 * when the share fell in each of the last 3 periods (each below the one before; needs 4 reported
 * periods). {@code Good} when the share rose over the last 3 periods (the last period's share above
 * the share of the period before the window) and the top 10% of upsold customers
 * ({@code ceil(10%)} of them, at least one) bring under 50% of the expansion ARR of upsold
 * customers in the window. A customer's expansion ARR here is its qualifying ARR ({@code
 * upsoldArr}, §5.5; with the default definition its {@code expansion}) summed over the window
 * periods in which it was upsold, the same figure as the segment tables' total upsell ARR.
 * Otherwise {@code Watch}.
 *
 * <p><b>Total Users.</b> Over the window, seat growth ({@code seats.ending} of the last period
 * against {@code seats.starting} of the first) and logo growth (the same for logos).
 * {@code Bad} when seats shrink while new logos arrived; {@code Good} when seats grow at least as
 * fast as logos; {@code Watch} when slower, or when there is no starting base to compare.
 *
 * @param upsellUsers the Upsell Users signal
 * @param totalUsers the Total Users signal
 */
public record Signals(Signal upsellUsers, Signal totalUsers) {
  public Signals {
    requireNonNull(upsellUsers, "upsellUsers is null");
    requireNonNull(totalUsers, "totalUsers is null");
  }

  /** A signal's verdict. */
  public enum Status {
    GOOD("Good"),
    WATCH("Watch"),
    BAD("Bad");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** {@code Good}, {@code Watch} or {@code Bad}, as reports print it. */
    public String label() {
      return label;
    }
  }

  /**
   * One signal.
   *
   * @param metric {@code upsellUsers} or {@code totalUsers}
   * @param status the verdict
   * @param windowPeriods labels of the window's periods
   * @param reasons sentences naming the figures that decided the verdict
   * @param figures named figures (documented in the JSON section), {@code null} values allowed
   */
  public record Signal(String metric, Status status, List<String> windowPeriods,
      List<String> reasons, Map<String, BigDecimal> figures) {
    public Signal {
      requireNonNull(metric, "metric is null");
      requireNonNull(status, "status is null");
      windowPeriods = List.copyOf(windowPeriods);
      reasons = List.copyOf(reasons);
      figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
  }
}
