package dev.upshift.input;

import static java.util.Objects.requireNonNull;

/**
 * One rejected input cell or row, carrying what a person needs to fix it and a code a program can
 * act on. Immutable and serialisable (errors found on a Spark executor travel to the driver); only
 * {@code column} may be {@code null}.
 *
 * @param file the file name as the user gave it (e.g. {@code subscriptions.csv})
 * @param line physical line number, header = 1; 0 when the error concerns the whole file
 * @param column the column name, or {@code null} when the error concerns the whole row or file
 * @param code what kind of error it is, for programs (exit codes, HTTP statuses, JSON errors)
 * @param reason what is wrong, in words a person can act on
 */
public record InputError(String file, long line, String column, InputErrorCode code,
    String reason) implements java.io.Serializable {
  public InputError {
    requireNonNull(file, "file is null");
    requireNonNull(code, "code is null");
    requireNonNull(reason, "reason is null");
    if (line < 0) {
      throw new IllegalArgumentException("line < 0: " + line);
    }
  }

  /** {@code file:line: column C: reason}, the format of SPEC §1.3 (the code is not part of it). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (column != null) {
      text.append("column ").append(column).append(": ");
    }
    return text.append(reason).toString();
  }
}
