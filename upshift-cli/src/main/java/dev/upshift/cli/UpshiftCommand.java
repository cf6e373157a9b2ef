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

  /**
   * The configured command line (tests call {@code execute} on it). Executing it first reads the
   * project file of the {@code --data} folder, whose values are the options' defaults.
   */
  public static CommandLine commandLine() {
    ProjectDefaults defaults = new ProjectDefaults();
    CommandLine commandLine = new CommandLine(new UpshiftCommand()) {
      @Override
      public int execute(String... args) {
        try {
          defaults.locate(args, this);
        } catch (IllegalArgumentException e) {
          return usageError(getErr(), e.getMessage(), "upshift " + subcommand(args, this));
        }
        return super.execute(args);
      }
    };
    commandLine.setDefaultValueProvider(defaults);
    commandLine.setParameterExceptionHandler(UpshiftCommand::usage);
    commandLine.setExecutionExceptionHandler(UpshiftCommand::handle);
    commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /** The first argument that names a subcommand, or {@code ""}. */
  private static String subcommand(String[] args, CommandLine root) {
    for (String arg : args) {
      if (root.getSubcommands().containsKey(arg)) {
        return arg;
      }
    }
    return "";
  }

  /**
   * A usage error: its one line, picocli's suggestions for a mistyped option, and where the help
   * is, instead of the whole help burying the line that matters.
   */
  private static int usage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    // The first line is picocli's message as it always was: scripts and tests match on it.
    err.println(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    return seeHelp(err, e.getCommandLine().getCommandSpec().qualifiedName());
  }

  private static int usageError(PrintWriter err, String message, String command) {
    err.println("upshift: " + message);
    return seeHelp(err, command);
  }

  private static int seeHelp(PrintWriter err, String command) {
    err.println("see `" + command.strip() + " --help`");
    err.flush();
    return ExitCode.USAGE;
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof InputException input) {
      printErrors(err, input);
      return ExitCode.of(input);
    }
    if (e instanceof IllegalArgumentException) {
      return usageError(err, e.getMessage(), commandLine.getCommandSpec().qualifiedName());
    }
    if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      // A file that cannot be read or written is the user's to fix, not a bug: one line.
      // Commands throw IOException only from writing; readers say what they could not read.
      err.println("upshift: " + (e instanceof java.io.IOException ? Output.describe(e)
          : e.getMessage()));
      err.flush();
      return ExitCode.IO;
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
