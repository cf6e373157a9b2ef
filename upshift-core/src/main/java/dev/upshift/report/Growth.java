package dev.upshift.report;

import java.math.BigDecimal;

/**
 * Growth over the previous period in percent (§5.4, §10), rounded to 2 decimals; {@code null} when
 * the previous value is 0.
 */
public record Growth(BigDecimal endingArr, BigDecimal endingSeats, BigDecimal upsellUsers,
    BigDecimal upsellArr) {}
