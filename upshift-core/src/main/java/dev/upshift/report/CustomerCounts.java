package dev.upshift.report;

/** Customers with each ARR component ≠ 0 in one period (§5.2); each customer once per component. */
public record CustomerCounts(long upsell, long addOnSeats, long addOnPrice, long crossSell,
    long downsell, long reductionSeats, long reductionPrice, long productChurn) {}
