package dev.upshift.cli;

import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.sample.SampleSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code upshift generate}: writes a deterministic sample dataset (subscriptions, customers, plans,
 * health, targets, fx) in the SPEC §1 formats. Exit codes: 0 success, 1 I/O failure, 2 usage error.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes a deterministic, realistic sample dataset in the input formats:",
        "subscriptions.csv, customers.csv, plans.csv, health.csv, targets.csv, fx.csv.",
        "The same options always produce byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--customers", paramLabel = "N", defaultValue = "1000",
      description = "Number of customers (default: ${DEFAULT-VALUE}).")
  private int customers;

  @Option(names = "--months", paramLabel = "M", defaultValue = "36",
      description = "Number of months covered (default: ${DEFAULT-VALUE}).")
  private int months;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--start", paramLabel = "YYYY-MM",
      description = "First month covered (default: so that the last month is "
          + "2026-10).")
  private YearMonth start;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Directory to write the files into (created when missing).")
  private Path out;

  @Override
  public Integer call() throws Exception {
    SampleOptions options;
    try {
      options = SampleOptions.of(customers, months, seed);
      if (start != null) {
        options = options.withStart(start);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    long began = System.nanoTime();
    SampleSummary summary = SampleGenerator.of(options).writeTo(out);
    long millis = (System.nanoTime() - began) / 1_000_000;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "Wrote %d files to %s (%d rows, %s to %s, %.1f s): %s%n",
        summary.rows().size(), out, summary.totalRows(), options.start(), options.lastMonth(),
        millis / 1000.0, summary.describe());
    stdout.flush();
    return 0;
  }
}
