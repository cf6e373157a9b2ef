package dev.upshift.input;

import java.util.Locale;
import java.util.Optional;

/** The {@code status} column of a phase (§1.1). Only {@link #ACTIVE} phases can be billable. */
public enum PhaseStatus {
  ACTIVE("active"),
  TRIAL("trial"),
  SUSPENDED("suspended"),
  READ_ONLY("read_only");

  private final String code;

  PhaseStatus(String code) {
    this.code = code;
  }

  /** The spelling used in input files and reports. */
  public String code() {
    return code;
  }

  /** Parses a cell case-insensitively; empty when the value is not a known status. */
  public static Optional<PhaseStatus> parse(String cell) {
    String wanted = cell.trim().toLowerCase(Locale.ROOT);
    for (PhaseStatus status : values()) {
      if (status.code.equals(wanted)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
