package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The company's figures beside the published references of §6.6. Immutable.
 *
 * <p>The published upsell rates count tier upgrades, seat growth and new products; none counts a
 * renewal's price uplift. So the company's upsell rates here are measured under the {@link
 * #COMPARABLE_DEFINITION comparable definition} ({@code tier}, {@code seats}, {@code cross_sell},
 * no threshold) whatever {@code --upsell-definition} the report uses, each item names the
 * definition it used, and a note says when the report's own definition differs (and what it
 * gives). Over quarters and years a customer qualifies by the period's net movement.
 * A figure whose window holds a period the data does not cover whole ({@code coverage}) is shown
 * but not assessed.
 *
 * <p>The figures:
 * <ul>
 *   <li>{@code annualUpsellRate}: customers eligible at the start of the trailing twelve months
 *       ending with the last reported period, and of them those upsold in at least one reported
 *       period of those months (the {@code any} counting of §5.5, whatever the report's counting,
 *       because the references count customers who expanded at some point in the year). Monthly
 *       report: the last 12 months; quarterly: the last 4 quarters; yearly: the last year's rate.
 *       {@code null} with less than a year of reported periods (never extrapolated).
 *   <li>{@code monthlyUpsellRate}: the pooled rate ({@code Σ upsold / Σ eligible}) of the (up to)
 *       12 last reported months; monthly reports only.
 *   <li>{@code nrr12m}: the last period's {@code nrr12m} (§5.7), the annual NRR the reference
 *       describes.
 * </ul>
 *
 * @param items in the order above
 */
public record Benchmarks(List<Benchmark> items) {
  /** The definition comparable with the published upsell references: no price-only uplift. */
  public static final List<String> COMPARABLE_DEFINITION = List.of("tier", "seats", "cross_sell");

  public Benchmarks {
    items = List.copyOf(items);
  }

  /** Annual upsell rate, median of B2B SaaS (≈ 18%). */
  public static final Reference ANNUAL_MEDIAN = new Reference("Median B2B SaaS", pct(18), pct(18));
  /** Annual upsell rate, top quartile (≥ 30%). */
  public static final Reference ANNUAL_TOP_QUARTILE = new Reference("Top quartile", pct(30), null);
  /** Annual upsell rate of product-led companies (25–40%). */
  public static final Reference ANNUAL_PRODUCT_LED = new Reference("Product-led", pct(25), pct(40));
  /** Annual upsell rate of sales-led companies (15–25%). */
  public static final Reference ANNUAL_SALES_LED = new Reference("Sales-led", pct(15), pct(25));
  /** Typical monthly upsell rate (3–8%). */
  public static final Reference MONTHLY_TYPICAL = new Reference("Typical monthly", pct(3), pct(8));
  /** NRR of top performers (120–130%). */
  public static final Reference NRR_TOP = new Reference("Top performers", pct(120), pct(130));

  private static BigDecimal pct(int value) {
    return BigDecimal.valueOf(value);
  }

  /** The item of a metric, or {@code null}. */
  public Benchmark item(String metric) {
    return items.stream().filter(b -> b.metric().equals(metric)).findFirst().orElse(null);
  }

  /**
   * One figure and its references.
   *
   * @param metric {@code annualUpsellRate}, {@code monthlyUpsellRate} or {@code nrr12m}
   * @param label a heading for people
   * @param value the company's figure, percent, or {@code null} when it cannot be computed
   * @param basis what the figure covers, e.g. {@code trailing 12 months 2025-01 – 2025-12}
   * @param references the published references
   * @param assessment where the figure sits, e.g. {@code Above median}
   * @param definition the upsell definition members the figure was measured with (empty for a
   *     figure that is not an upsell rate)
   * @param note what a reader must know beside the figure (the report's own definition differs,
   *     a period is partial), or {@code null}
   */
  public record Benchmark(String metric, String label, BigDecimal value, String basis,
      List<Reference> references, String assessment, List<String> definition, String note) {
    public Benchmark {
      requireNonNull(metric, "metric is null");
      requireNonNull(label, "label is null");
      requireNonNull(basis, "basis is null");
      references = List.copyOf(references);
      requireNonNull(assessment, "assessment is null");
      definition = List.copyOf(definition);
    }

    /** A figure that is not an upsell rate, without a note. */
    public Benchmark(String metric, String label, BigDecimal value, String basis,
        List<Reference> references, String assessment) {
      this(metric, label, value, basis, references, assessment, List.of(), null);
    }
  }

  /**
   * A published reference range, percent.
   *
   * @param low lower bound (inclusive)
   * @param high upper bound, {@code null} when open-ended; equal to {@code low} for a point value
   */
  public record Reference(String label, BigDecimal low, BigDecimal high) {
    public Reference {
      requireNonNull(label, "label is null");
      requireNonNull(low, "low is null");
    }
  }
}
