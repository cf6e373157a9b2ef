package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

/**
 * What was read from {@code subscriptions.csv}: {@code rows = billableRows + Σ ignoredRows +
 * rejectedRows} (§10). Immutable.
 *
 * @param rows data rows read (blank lines excluded)
 * @param billableRows rows that contribute ARR
 * @param ignoredRows non-billable rows by reason; every reason is present
 * @param rejectedRows rows dropped under {@code --on-error skip}
 */
public record InputSummary(long rows, long billableRows, Map<IgnoredReason, Long> ignoredRows,
    long rejectedRows) {

  public InputSummary {
    requireNonNull(ignoredRows, "ignoredRows is null");
    EnumMap<IgnoredReason, Long> complete = new EnumMap<>(IgnoredReason.class);
    for (IgnoredReason reason : IgnoredReason.values()) {
      complete.put(reason, ignoredRows.getOrDefault(reason, 0L));
    }
    ignoredRows = Map.copyOf(complete);
    long ignored = complete.values().stream().mapToLong(Long::longValue).sum();
    if (rows != billableRows + ignored + rejectedRows) {
      throw new IllegalArgumentException("rows " + rows + " != billable " + billableRows
          + " + ignored " + ignored + " + rejected " + rejectedRows);
    }
  }

  public long ignored(IgnoredReason reason) {
    return ignoredRows.get(reason);
  }
}
