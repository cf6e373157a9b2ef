package dev.upshift.report;

/** Logo counts of one period (§5.2); {@code churned} is negative. */
public record Logos(long starting, long newLogos, long reactivated, long churned, long ending) {}
