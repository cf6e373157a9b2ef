package dev.upshift.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Upsell Rate configuration echoed in the report (§7.2 {@code config}).
 *
 * @param upsellDefinition members in the order tier, seats, add_on, cross_sell
 * @param where {@code dim=value} or {@code null}
 */
public record ReportConfig(List<String> upsellDefinition, String rateCounting,
    int minTenureMonths, boolean excludeTopTier, BigDecimal minExpansionArr, String where) {
  public ReportConfig {
    upsellDefinition = List.copyOf(upsellDefinition);
  }
}
