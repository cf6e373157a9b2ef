package dev.upshift.cli;

/** The process exit codes of §7.1, in one place. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected failure (a bug, an I/O error). */
  public static final int SOFTWARE = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** The input files have errors. */
  public static final int INPUT = 3;

  private ExitCode() {}
}
