package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One row of {@code targets.csv} (§1.2, §5.6).
 *
 * @param metric the metric name; the report uses {@code upsellRate} (a percentage)
 * @param period a period label as the report prints it ({@code 2026-03}, {@code 2026-Q1},
 *     {@code FY2027-Q1}, {@code 2026})
 * @param value the target value
 * @param segment the segment it applies to as {@code dim=value}, or {@code null} for the whole
 *     report
 */
public record Target(String metric, String period, BigDecimal value, String segment)
    implements java.io.Serializable {
  public Target {
    requireNonNull(metric, "metric is null");
    requireNonNull(period, "period is null");
    requireNonNull(value, "value is null");
  }
}
