package dev.upshift.report;

/**
 * The Total Users waterfall of one period (§5.3); outflows negative, so
 * {@code ending = starting + newSeats + expansion + churned + downgraded}.
 */
public record SeatWaterfall(long starting, long newSeats, long expansion, long churned,
    long downgraded, long ending) {}
