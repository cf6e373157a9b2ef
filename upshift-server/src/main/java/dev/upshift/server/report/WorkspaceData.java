package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.Initiative;
import dev.upshift.input.Dataset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A workspace's records at one data version, read as the command line reads the same files: what
 * every report, ledger and explanation of that version is computed from. Immutable.
 *
 * @param dataVersion the version the records were read at
 * @param currency the reporting currency they were read in
 * @param dataset the inputs
 * @param initiatives the stored initiatives, for the analysis
 * @param phaseIds the record id behind each phase's source line
 * @param setAside per customer, the rows the reader set aside as belonging to no line (overage and
 *     one-time rows), counted as {@link RowCounts} counts them; customers with none are absent
 */
public record WorkspaceData(long dataVersion, String currency, Dataset dataset,
    List<Initiative> initiatives, RecordIds phaseIds, Map<String, long[]> setAside) {

  public WorkspaceData {
    requireNonNull(currency, "currency is null");
    requireNonNull(dataset, "dataset is null");
    initiatives = List.copyOf(initiatives);
    requireNonNull(phaseIds, "phaseIds is null");
    setAside = Collections.unmodifiableMap(setAside);
  }

  /** The id of the phase record read from {@code line}, or {@code null}. */
  public String phaseId(long line) {
    return phaseIds.idAt(line);
  }
}
