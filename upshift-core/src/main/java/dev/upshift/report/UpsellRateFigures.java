package dev.upshift.report;

import java.math.BigDecimal;

/**
 * The Upsell Rate of one period (§5.5, §5.6). Rates are percentages rounded half-even to 2
 * decimals; {@code null} where the denominator is 0. Quarter-to-date fields are {@code null} for
 * quarter and year grain.
 *
 * @param upsoldArr exact qualifying ARR of upsold customers
 * @param avgUpsoldArr {@code upsoldArr / upsold}, rounded to 2 decimals, or {@code null}
 * @param target the upsellRate target that applies, or {@code null}
 * @param status {@code Below}, {@code On Track}, {@code Achieved}, or {@code null}
 */
public record UpsellRateFigures(long eligible, long upsold, BigDecimal rate, BigDecimal upsoldArr,
    BigDecimal avgUpsoldArr, Long qtdEligible, Long qtdUpsold, BigDecimal qtdRate,
    BigDecimal target, String status) {}
