package dev.upshift.cli;

import dev.upshift.Upshift;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.input.Dataset;
import dev.upshift.input.NearMatches;
import dev.upshift.render.ExplanationWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upshift explain}: one customer's movements, period by period, with the phases behind them. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show why one customer counts where it does: its movements period by period and the phases that caused them.")
final class ExplainCommand implements Callable<Integer> {
  /** The output formats of an explanation. */
  enum Format { TEXT, JSON }

  /** {@code --format}. */
  static final class Formats extends EnumValues<Format> {
    Formats() {
      super(Format.values());
    }
  }

  @Spec
  CommandSpec spec;

  @Mixin
  InputSelection input;

  @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer to explain.")
  String customer;

  @Mixin
  ReportSelection selection;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = Formats.class, completionCandidates = Formats.class,
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  /** Report options that cut or filter segments: one customer's explanation has none. */
  private static final List<String> IGNORED = List.of("--where", "--by", "--tenure-buckets",
      "--arr-buckets");

  @Override
  public Integer call() throws IOException {
    for (String option : IGNORED) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(spec.commandLine(), option + " does not apply to explain,"
            + " which follows one customer (--customer) through every period");
      }
    }
    Dataset dataset = input.load(spec.commandLine().getErr());
    if (dataset.table().indexOfCustomer(customer) < 0) {
      List<String> ids = new ArrayList<>(dataset.table().customerCount());
      for (int c = 0; c < dataset.table().customerCount(); c++) {
        ids.add(dataset.table().customerId(c));
      }
      throw new ParameterException(spec.commandLine(), "--customer " + customer + ": no such"
          + " customer in " + input.subscriptionsName() + NearMatches.didYouMean(customer, ids)
          + " (customer ids are case-sensitive)");
    }
    CustomerExplanation explanation = Upshift.explain(dataset, selection.toOptions(), customer);
    Output.text(out, spec.commandLine().getOut(), writer -> {
      if (format == Format.JSON) {
        ExplanationWriter.writeJson(explanation, writer);
      } else {
        ExplanationWriter.write(explanation, dataset.currency(), input.subscriptionsName(), writer);
      }
    });
    return ExitCode.OK;
  }
}
