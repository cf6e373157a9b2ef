package dev.upshift.cli;

import dev.upshift.input.Dataset;
import dev.upshift.input.InputError;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.csv.ReadResult;
import dev.upshift.parquet.ParquetFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The input files of a command (§1, §7.1). {@code --data DIR} picks up the standard file names in
 * a folder; a file named explicitly wins over the folder's.
 */
final class InputSelection {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "A folder holding subscriptions.csv and any of customers.csv, plans.csv, health.csv, targets.csv, fx.csv, initiatives.csv.")
  Path data;

  @Option(names = "--subscriptions", paramLabel = "FILE", description = "Subscription phases (required unless --data has one).")
  Path subscriptions;

  @Option(names = "--customers", paramLabel = "FILE", description = "Customer attributes: segment dimensions.")
  Path customers;

  @Option(names = "--plans", paramLabel = "FILE", description = "Tier ranks of plans: product, plan, tier.")
  Path plans;

  @Option(names = "--health", paramLabel = "FILE", description = "Health scores: customer_id, date, score.")
  Path health;

  @Option(names = "--targets", paramLabel = "FILE", description = "Upsell Rate targets: metric, period, value[, segment].")
  Path targets;

  @Option(names = "--fx", paramLabel = "FILE", description = "Constant-currency rates: currency, rate.")
  Path fx;

  @Option(names = "--initiatives", paramLabel = "FILE", description = "Initiatives for the analysis: name, launch_date, segment.")
  Path initiatives;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
      converter = EnumValues.OnErrors.class, completionCandidates = EnumValues.OnErrors.class,
      description = "fail: any input error stops the run (exit 3); skip: drop bad rows into a rejects file and go on. Default: ${DEFAULT-VALUE}.")
  OnError onError;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Where --on-error skip writes dropped rows (default: beside the subscriptions file, *.rejects.csv).")
  Path rejects;

  /** Reads the input with the chosen error policy, reporting skipped rows on {@code err}. */
  Dataset load(PrintWriter err) {
    return load(err, bytes -> { });
  }

  /**
   * As {@link #load(PrintWriter)}, telling {@code progress} how many bytes of the subscriptions
   * file were parsed (its size is {@link #subscriptionsSize()}).
   */
  Dataset load(PrintWriter err, java.util.function.LongConsumer progress) {
    ReadResult result = DatasetReader.read(files(onError), progress, ParquetFormat.INSTANCE);
    if (result.rejectsFile() != null && result.rejectedRows() > 0) {
      for (InputError error : result.skipped()) {
        err.println("skipped: " + UpshiftCommand.listed(error));
      }
      long unlisted = result.skippedErrors() - result.skipped().size();
      if (unlisted > 0) {
        err.println("skipped: ... and " + unlisted + " more errors");
      }
      err.println("upshift: dropped " + result.rejectedRows() + " rows with errors; they are in "
          + result.rejectsFile());
      err.flush();
    }
    return result.dataset();
  }

  /** Reads the input failing on any error: for {@code validate}, which must list them all. */
  Dataset loadStrict() {
    return DatasetReader.read(files(OnError.FAIL), bytes -> { }, ParquetFormat.INSTANCE).dataset();
  }

  /** The size of the subscriptions file in bytes, 0 when unknown (for the progress bar). */
  long subscriptionsSize() {
    Path subs = pick(subscriptions, "subscriptions.csv");
    try {
      return subs == null ? 0 : Files.size(subs);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The subscriptions file as named in messages (explanations cite its line numbers). */
  String subscriptionsName() {
    Path subs = pick(subscriptions, "subscriptions.csv");
    return subs == null ? "subscriptions.csv" : subs.toString();
  }

  /** The initiatives file, from the option or the data folder, or {@code null}. */
  Path initiatives() {
    return pick(initiatives, "initiatives.csv");
  }

  private InputFiles files(OnError policy) {
    Path subs = pick(subscriptions, "subscriptions.csv");
    if (subs == null) {
      throw usage(data == null
          ? "Missing required option: --subscriptions (or --data DIR)"
          : "no subscriptions.csv in " + data + "; give --subscriptions");
    }
    InputFiles files = InputFiles.of(subs)
        .withCustomers(pick(customers, "customers.csv"))
        .withPlans(pick(plans, "plans.csv"))
        .withHealth(pick(health, "health.csv"))
        .withTargets(pick(targets, "targets.csv"))
        .withFx(pick(fx, "fx.csv"))
        .withOnError(policy)
        .withRejects(rejects);
    try {
      return files.withCurrency(currency);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private Path pick(Path explicit, String standardName) {
    if (explicit != null) {
      return explicit;
    }
    if (data != null) {
      Path candidate = data.resolve(standardName);
      return Files.isRegularFile(candidate) ? candidate : null;
    }
    return null;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
