package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Dataset;
import dev.upshift.input.InputError;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a successful {@link DatasetReader#read}. Immutable.
 *
 * @param dataset everything read; {@code dataset.summary().rejectedRows()} counts the rows dropped
 *     under {@link OnError#SKIP}
 * @param skipped the errors of the dropped rows, the first 100 in line order;
 *     empty under {@link OnError#FAIL}
 * @param skippedErrors how many errors the dropped rows had in all (a row can have several)
 * @param rejectsFile the file the dropped rows were written to, or {@code null} under {@link
 *     OnError#FAIL}; written under {@link OnError#SKIP} even when nothing was dropped, so that a file
 *     left by an earlier run is never mistaken for this run's
 */
public record ReadResult(Dataset dataset, List<InputError> skipped, long skippedErrors,
    Path rejectsFile) {

  public ReadResult {
    requireNonNull(dataset, "dataset is null");
    skipped = List.copyOf(requireNonNull(skipped, "skipped is null"));
    if (skippedErrors < skipped.size()) {
      throw new IllegalArgumentException(
          "skippedErrors " + skippedErrors + " < listed " + skipped.size());
    }
  }

  /** Rows of subscriptions.csv dropped under {@link OnError#SKIP}. */
  public long rejectedRows() {
    return dataset.summary().rejectedRows();
  }
}
