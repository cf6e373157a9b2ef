package dev.upshift.cli;

import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import dev.upshift.parquet.ParquetSubscriptions;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code upshift}: the command line, and the composition root that wires readers, the engine and
 * writers together. Maps every failure to one exit code (§7.1) in one place.
 */
@Command(name = "upshift", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Exact, explainable SaaS expansion metrics: ARR bridge, Upsell Users, Upsell Rate, Total Users.",
    subcommands = {ReportCommand.class, ExplainCommand.class, ValidateCommand.class,
        GenerateCommand.class, ServeCommand.class, WorkspaceCommand.class, KeyCommand.class,
        ImportCommand.class, CommandLine.HelpCommand.class})
public final class UpshiftCommand implements Runnable {
  /** How many input errors are printed before the rest are only counted. */
  static final int ERRORS_SHOWN = 100;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: report, explain, validate, generate, serve, workspace, key or import");
  }

  public static void main(String[] args) {
    if (Arrays.stream(args).anyMatch(ParquetSubscriptions::isParquet)) {
      ParquetSubscriptions.loadDuckDbInBackground();
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (tests call {@code execute} on it). */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new UpshiftCommand());
    commandLine.setExecutionExceptionHandler(UpshiftCommand::handle);
    commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof InputException input) {
      printErrors(err, input);
      return ExitCode.of(input);
    }
    if (e instanceof IllegalArgumentException) {
      err.println("upshift: " + e.getMessage());
      err.flush();
      return ExitCode.USAGE;
    }
    if (e instanceof dev.upshift.store.StoreException store) {
      err.println("upshift: " + store.getMessage());
      err.flush();
      return ExitCode.SOFTWARE;
    }
    if (e instanceof ArithmeticException) {
      err.println("upshift: an amount overflowed (" + e.getMessage()
          + "); totals beyond ±9.2 trillion currency units cannot be represented exactly");
      err.flush();
      return ExitCode.SOFTWARE;
    }
    err.println("upshift: " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCode.SOFTWARE;
  }

  /** Prints the errors of an input exception: the first 100 and a count of the rest. */
  static void printErrors(PrintWriter out, InputException e) {
    printErrors(out, e.errors(), e.totalErrors(), (e.totalErrors() == 1 ? " error" : " errors")
        + " in the input; nothing was computed");
  }

  /**
   * Prints listed errors, then how many more there were, then the total followed by {@code
   * summary} (e.g. {@code " errors in the input; nothing was computed"}).
   */
  static void printErrors(PrintWriter out, java.util.List<InputError> errors, long total,
      String summary) {
    for (InputError error : errors) {
      out.println(listed(error));
    }
    long more = total - errors.size();
    if (more > 0) {
      out.println("... and " + more + " more errors");
    }
    out.println(total + summary);
    out.flush();
  }

  /**
   * One error as listed: SPEC §1.3's {@code file:line: column C: reason}, then its code in brackets,
   * the name docs/errors.md explains it under and the one a script can match on.
   */
  static String listed(InputError error) {
    return error + " [" + error.code().code() + "]";
  }
}
