package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.Initiative;
import dev.upshift.input.Dataset;
import java.util.List;

/**
 * A workspace's records at one data version, read as the command line reads the same files: what
 * every report, ledger and explanation of that version is computed from. Immutable.
 *
 * @param dataVersion the version the records were read at
 * @param currency the reporting currency they were read in
 * @param dataset the inputs
 * @param initiatives the stored initiatives, for the analysis
 * @param phaseIds the record id behind each phase's source line
 */
public record WorkspaceData(long dataVersion, String currency, Dataset dataset,
    List<Initiative> initiatives, RecordIds phaseIds) {

  public WorkspaceData {
    requireNonNull(currency, "currency is null");
    requireNonNull(dataset, "dataset is null");
    initiatives = List.copyOf(initiatives);
    requireNonNull(phaseIds, "phaseIds is null");
  }

  /** The id of the phase record read from {@code line}, or {@code null}. */
  public String phaseId(long line) {
    return phaseIds.idAt(line);
  }
}
