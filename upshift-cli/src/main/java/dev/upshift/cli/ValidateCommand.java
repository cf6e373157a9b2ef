package dev.upshift.cli;

import dev.upshift.input.Dataset;
import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputException;
import dev.upshift.input.InputSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upshift validate}: check the input files and list every error; exit 0 when clean. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Check the input files: list every error (file:line: column: reason [code]); exit 0 when clean, 3 otherwise.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputSelection input;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Dataset dataset;
    try {
      dataset = input.loadStrict();
    } catch (InputException e) {
      UpshiftCommand.printErrors(out, e);
      return ExitCode.of(e);
    }
    InputSummary summary = dataset.summary();
    StringBuilder ignored = new StringBuilder();
    for (IgnoredReason reason : IgnoredReason.values()) {
      long count = summary.ignored(reason);
      if (count > 0) {
        ignored.append(ignored.length() == 0 ? "" : ", ").append(count).append(' ').append(reason.code());
      }
    }
    out.printf("OK: %d rows, %d billable%s; %d customers in customers.csv%n", summary.rows(),
        summary.billableRows(), ignored.length() == 0 ? "" : " (not billable: " + ignored + ")",
        dataset.customers().size());
    out.flush();
    return ExitCode.OK;
  }
}
