package dev.upshift.cli;

import dev.upshift.Upshift;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.input.Dataset;
import dev.upshift.render.ExplanationWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Override
  public Integer call() throws IOException {
    Dataset dataset = input.load(spec.commandLine().getErr());
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
