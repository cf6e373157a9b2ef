package dev.upshift.cli;

import dev.upshift.input.Dataset;
import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import dev.upshift.input.InputSummary;
import dev.upshift.io.csv.InitiativesReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    for (String note : input.readingNotes()) {
      out.println("note: " + note);
    }
    Dataset dataset = null;
    List<InputError> errors = new ArrayList<>();
    long total = 0;
    try {
      dataset = input.loadStrict();
    } catch (InputException e) {
      errors.addAll(e.errors());
      total += e.totalErrors();
    }
    // initiatives.csv is read by the analysis, not the dataset reader; validate checks it too so
    // that a bad launch date is found here rather than by the report that needs it.
    Path initiatives = input.initiatives();
    if (initiatives != null) {
      try {
        InitiativesReader.read(initiatives);
      } catch (InputException e) {
        errors.addAll(e.errors());
        total += e.totalErrors();
      }
    }
    if (total > 0) {
      List<InputError> listed =
          errors.subList(0, Math.min(errors.size(), UpshiftCommand.ERRORS_SHOWN));
      UpshiftCommand.printErrors(out, listed, total, (total == 1 ? " error" : " errors")
          + " in the input; nothing was computed");
      return ExitCode.of(new InputException(listed, total));
    }
    input.warn(dataset, out);
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
