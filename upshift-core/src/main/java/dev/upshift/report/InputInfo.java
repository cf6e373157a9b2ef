package dev.upshift.report;

import java.util.Map;

/**
 * What the report was computed from (§7.2 {@code input}).
 *
 * @param ignoredRows non-billable rows by reason, in the order of §7.2
 * @param rejectedRows rows dropped under {@code --on-error skip}
 * @param inferredTierDirections (customer, product, period) cases in the reported periods whose
 *     tier direction was inferred from a plan change
 */
public record InputInfo(long rows, long billableRows, Map<String, Long> ignoredRows,
    long rejectedRows, long inferredTierDirections) {
  public InputInfo {
    ignoredRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ignoredRows));
  }
}
