package dev.upshift.spark;

import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code upshift-spark}: the Spark application ({@code spark-submit --class
 * dev.upshift.spark.UpshiftSparkApp upshift-spark.jar report …}, or {@code bin/upshift-spark
 * report …} without a Spark installation). Exit codes are the command line's: 0 success, 1 an
 * unexpected failure, 2 a usage error, 3 input errors.
 */
@Command(name = "upshift-spark", mixinStandardHelpOptions = true,
    description = "Upshift on Apache Spark: the report of `upshift report`, computed where the data is.",
    subcommands = {SparkReportCommand.class, CommandLine.HelpCommand.class})
public final class UpshiftSparkApp implements Runnable {
  static final int OK = 0;
  static final int SOFTWARE = 1;
  static final int USAGE = 2;
  static final int INPUT = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: report");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (tests call {@code execute} on it). */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new UpshiftSparkApp());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(UpshiftSparkApp::handle);
    commandLine.setExitCodeExceptionMapper(e -> USAGE);
    return commandLine;
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof InputException input) {
      for (InputError error : input.errors()) {
        err.println(listed(error));
      }
      long more = input.totalErrors() - input.errors().size();
      if (more > 0) {
        err.println("... and " + more + " more errors");
      }
      err.println(input.totalErrors() + (input.totalErrors() == 1 ? " error" : " errors")
          + " in the input; nothing was computed");
      err.flush();
      return INPUT;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("upshift-spark: " + e.getMessage());
      err.flush();
      return USAGE;
    }
    err.println("upshift-spark: " + e);
    e.printStackTrace(err);
    err.flush();
    return SOFTWARE;
  }

  /** One error as listed: {@code file:row: column C: reason [code]}. */
  static String listed(InputError error) {
    return error + " [" + error.code().code() + "]";
  }
}
