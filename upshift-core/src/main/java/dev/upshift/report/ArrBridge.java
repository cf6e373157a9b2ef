package dev.upshift.report;

import java.math.BigDecimal;

/**
 * The ARR bridge of one period (§5.1), exact (scale 6, not yet rounded for display). Outflows are
 * negative, so {@code ending = starting + netNew} and {@code netNew = newLogo + reactivation +
 * expansion + contraction + churn} hold exactly.
 */
public record ArrBridge(BigDecimal starting, BigDecimal newLogo, BigDecimal reactivation,
    BigDecimal upsell, BigDecimal upsellRamp, BigDecimal addOnSeats, BigDecimal addOnPrice,
    BigDecimal crossSell, BigDecimal downsell, BigDecimal reductionSeats,
    BigDecimal reductionPrice, BigDecimal productChurn, BigDecimal churn, BigDecimal expansion,
    BigDecimal contraction, BigDecimal netNew, BigDecimal ending) {}
