package dev.upshift.io.csv;

import dev.upshift.input.InputError;
import java.util.ArrayList;
import java.util.List;

/**
 * What the readers of one {@link DatasetReader#read} share: the interner, the log of errors that
 * fail the run, and the order of files in that log. Not thread-safe.
 */
final class ReadContext {
  private final List<String> fileOrder = new ArrayList<>();
  private final Interner interner = new Interner();
  private final ErrorLog failures = new ErrorLog(this::rank);
  private final ColumnMapping mapping;

  ReadContext() {
    this(ColumnMapping.NONE);
  }

  /** @param mapping how the headers of the files read become §1 names */
  ReadContext(ColumnMapping mapping) {
    this.mapping = java.util.Objects.requireNonNull(mapping, "mapping is null");
  }

  ColumnMapping mapping() {
    return mapping;
  }

  /** Registers a file, in reading order, which is also the order its errors are listed in. */
  void register(String file) {
    if (!fileOrder.contains(file)) {
      fileOrder.add(file);
    }
  }

  int rank(String file) {
    int rank = fileOrder.indexOf(file);
    return rank < 0 ? Integer.MAX_VALUE : rank;
  }

  Interner interner() {
    return interner;
  }

  /** Errors that fail the run, whatever the error policy. */
  ErrorLog failures() {
    return failures;
  }

  void fail(InputError error) {
    failures.add(error);
  }

  void fail(List<InputError> errors) {
    failures.addAll(errors);
  }
}
