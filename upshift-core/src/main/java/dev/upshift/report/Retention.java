package dev.upshift.report;

import java.math.BigDecimal;

/** Net and gross revenue retention of one period (§5.7), percentages or {@code null}. */
public record Retention(BigDecimal nrr, BigDecimal grr, BigDecimal nrr12m, BigDecimal grr12m) {}
