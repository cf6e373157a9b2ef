package dev.upshift.input;

import java.util.List;

/**
 * Input that cannot be used as it is. Carries the errors found (the first ones, when there were
 * many) and how many there were in all.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<InputError> errors;
  private final long totalErrors;

  public InputException(List<InputError> errors, long totalErrors) {
    super(summary(errors, totalErrors));
    this.errors = List.copyOf(errors);
    this.totalErrors = totalErrors;
  }

  public InputException(InputError error) {
    this(List.of(error), 1);
  }

  /** The errors listed, in the order found (at most the first 100 of a run). */
  public List<InputError> errors() {
    return errors;
  }

  /** How many errors there were, including those not listed. */
  public long totalErrors() {
    return totalErrors;
  }

  private static String summary(List<InputError> errors, long total) {
    if (errors.isEmpty()) {
      return total + " input errors";
    }
    String first = errors.get(0).toString();
    return total == 1 ? first : first + " (and " + (total - 1) + " more errors)";
  }
}
