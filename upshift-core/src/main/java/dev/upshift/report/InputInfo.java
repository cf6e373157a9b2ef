package dev.upshift.report;

import java.util.Map;

/**
 * What the report was computed from (§7.2 {@code input}).
 *
 * @param ignoredRows non-billable rows by reason, in the order of §7.2
 * @param rejectedRows rows dropped under {@code --on-error skip}
 * @param inferredTierDirections (customer, product, period) cases in the reported periods whose
 *     tier direction was inferred from a plan change
 * @param reading how the files were read when that differs from SPEC §1 as written: columns
 *     mapped or ignored, inclusive end dates; {@link Reading#AS_SPECIFIED} otherwise
 */
public record InputInfo(long rows, long billableRows, Map<String, Long> ignoredRows,
    long rejectedRows, long inferredTierDirections, Reading reading) {
  public InputInfo {
    ignoredRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ignoredRows));
    java.util.Objects.requireNonNull(reading, "reading is null");
  }

  /** Input read as SPEC §1 names and defines it. */
  public InputInfo(long rows, long billableRows, Map<String, Long> ignoredRows,
      long rejectedRows, long inferredTierDirections) {
    this(rows, billableRows, ignoredRows, rejectedRows, inferredTierDirections,
        Reading.AS_SPECIFIED);
  }

  /** This input section with {@code value} as its {@link #reading}. */
  public InputInfo withReading(Reading value) {
    return new InputInfo(rows, billableRows, ignoredRows, rejectedRows, inferredTierDirections,
        value);
  }

  /**
   * How an export that was not written to SPEC §1 was read, so a report says so rather than
   * silently: never part of a number, always part of what the numbers rest on.
   *
   * @param mappedColumns export column ({@code [kind:]name}) → the §1 column it was read as
   * @param ignoredColumns columns deliberately left out ({@code [kind:]name})
   * @param inclusiveEndDates whether end dates were read as the last day in force
   */
  public record Reading(Map<String, String> mappedColumns, java.util.List<String> ignoredColumns,
      boolean inclusiveEndDates) {
    /** Nothing mapped, nothing ignored, exclusive end dates. */
    public static final Reading AS_SPECIFIED = new Reading(Map.of(), java.util.List.of(), false);

    public Reading {
      mappedColumns = java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(mappedColumns));
      ignoredColumns = java.util.List.copyOf(ignoredColumns);
    }

    /** Whether the files were read exactly as §1 says. */
    public boolean asSpecified() {
      return mappedColumns.isEmpty() && ignoredColumns.isEmpty() && !inclusiveEndDates;
    }
  }
}
