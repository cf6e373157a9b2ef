package dev.upshift.input;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code kind} column of a phase (§1.1). Overage and one-time rows are not recurring revenue and
 * belong to no subscription line.
 */
public enum PhaseKind {
  RECURRING("recurring"),
  COMMITTED_USAGE("committed_usage"),
  OVERAGE("overage"),
  ONE_TIME("one_time");

  private final String code;

  PhaseKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether rows of this kind are phases of a subscription line (and so checked for overlap). */
  public boolean belongsToLine() {
    return this == RECURRING || this == COMMITTED_USAGE;
  }

  /** Parses a cell case-insensitively; empty when the value is not a known kind. */
  public static Optional<PhaseKind> parse(String cell) {
    String wanted = cell.trim().toLowerCase(Locale.ROOT);
    for (PhaseKind kind : values()) {
      if (kind.code.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
