package dev.upshift.report;

import java.math.BigDecimal;

/** Per-unit ratios of one period (§5.4, §5.7), rounded to 2 decimals or {@code null}. */
public record Ratios(BigDecimal seatsPerLogo, BigDecimal arpa, BigDecimal arpu,
    BigDecimal upsellUsersShareOfLogos, BigDecimal upsellUsersPer1000Seats) {}
