package dev.upshift.cli;

import dev.upshift.input.Dataset;
import dev.upshift.input.InputError;
import dev.upshift.io.csv.ColumnMapping;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.EndDateGaps;
import dev.upshift.io.csv.EndDates;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.csv.ReadResult;
import dev.upshift.parquet.ParquetFormat;
import dev.upshift.report.InputInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      description = "A folder holding subscriptions.csv and any of customers.csv, plans.csv, health.csv, targets.csv, fx.csv, initiatives.csv, "
          + "and optionally upshift.yaml: file names, column mapping, end-date convention and default report options.")
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

  @Option(names = "--map", paramLabel = "[KIND:]SOURCE=TARGET", split = ",",
      description = "Read an export's column as a SPEC column, e.g. monthly_amount=mrr,subscription_id=line_id; "
          + "KIND (subscriptions, customers, ...) limits it to one kind of file.")
  List<String> map = List.of();

  @Option(names = "--ignore-columns", paramLabel = "[KIND:]COLUMN", split = ",",
      description = "Columns of an export to leave out deliberately (an unknown column is otherwise an error).")
  List<String> ignoreColumns = List.of();

  @Option(names = "--end-dates", paramLabel = "exclusive|inclusive", defaultValue = "exclusive",
      converter = EnumValues.EndDateConventions.class,
      completionCandidates = EnumValues.EndDateConventions.class,
      description = "exclusive: end_date is the first day no longer in force (SPEC); inclusive: the last day in force. Default: ${DEFAULT-VALUE}.")
  EndDates endDates;

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
    Path subs = pick(subscriptions, "subscriptions");
    try {
      return subs == null ? 0 : Files.size(subs);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The subscriptions file as named in messages (explanations cite its line numbers). */
  String subscriptionsName() {
    Path subs = pick(subscriptions, "subscriptions");
    return subs == null ? "subscriptions.csv" : subs.toString();
  }

  /** The initiatives file, from the option or the data folder, or {@code null}. */
  Path initiatives() {
    return pick(initiatives, ProjectFile.INITIATIVES);
  }

  /**
   * The column mapping of {@code --map} and {@code --ignore-columns} (or the project file).
   *
   * @throws ParameterException naming the entry that cannot be right
   */
  ColumnMapping mapping() {
    try {
      return ColumnMapping.parse(map, ignoreColumns);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * What the input options changed about reading, for the user to see: the mapping, the
   * end-date convention and the project file, or an empty list when nothing was changed.
   */
  List<String> readingNotes() {
    List<String> notes = new ArrayList<>();
    ProjectFile project = project();
    if (project != null) {
      notes.add("settings from " + project.path());
    }
    ColumnMapping mapping = mapping();
    if (!mapping.renames().isEmpty()) {
      notes.add("columns mapped: " + String.join(", ",
          mapping.renames().stream().map(Object::toString).toList()));
    }
    if (!mapping.ignored().isEmpty()) {
      notes.add("columns ignored: " + String.join(", ",
          mapping.ignored().stream().map(Object::toString).toList()));
    }
    if (endDates == EndDates.INCLUSIVE) {
      notes.add("end dates read as inclusive (the last day in force)");
    }
    return notes;
  }

  /** How the input is read, for the report's {@code input} section. */
  InputInfo.Reading reading() {
    ColumnMapping mapping = mapping();
    Map<String, String> mapped = new LinkedHashMap<>();
    mapping.renames().forEach(rename ->
        mapped.put((rename.kind() == null ? "" : rename.kind().id() + ":") + rename.source(),
            rename.target()));
    return new InputInfo.Reading(mapped,
        mapping.ignored().stream().map(Object::toString).toList(),
        endDates == EndDates.INCLUSIVE);
  }

  /**
   * Warns on {@code err} about what reads without error but is probably not what was meant: end
   * dates that, read as exclusive, look inclusive ({@link EndDateGaps}: the numbers are then full
   * of one-day churns), and mapping entries that match no column (a misspelt entry).
   */
  void warn(Dataset dataset, PrintWriter err) {
    if (endDates == EndDates.EXCLUSIVE) {
      EndDateGaps gaps = EndDateGaps.of(dataset.table());
      if (gaps.looksInclusive()) {
        err.println("upshift: warning: " + gaps.warning());
      }
    }
    for (String entry : mapping().unmatched(files(OnError.FAIL))) {
      err.println("upshift: warning: " + entry + " matches no column of the files read");
    }
    err.flush();
  }

  /** The project file of the data folder, or {@code null}. */
  private ProjectFile project() {
    return spec.commandLine().getDefaultValueProvider() instanceof ProjectDefaults defaults
        ? defaults.project() : null;
  }

  private InputFiles files(OnError policy) {
    Path subs = pick(subscriptions, "subscriptions");
    if (subs == null) {
      throw usage(data == null
          ? "Missing required option: --subscriptions (or --data DIR)"
          : "no subscriptions.csv in " + data + "; give --subscriptions, or name the file in "
              + data.resolve(ProjectFile.NAME) + " (files: {subscriptions: export.csv})");
    }
    InputFiles files = InputFiles.of(subs)
        .withCustomers(pick(customers, "customers"))
        .withPlans(pick(plans, "plans"))
        .withHealth(pick(health, "health"))
        .withTargets(pick(targets, "targets"))
        .withFx(pick(fx, "fx"))
        .withOnError(policy)
        .withRejects(rejects)
        .withMapping(mapping())
        .withEndDates(endDates);
    try {
      return files.withCurrency(currency);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * A file named on the command line, else the one the project file names for its kind (which
   * must exist), else the folder's file of the standard name, if any.
   */
  private Path pick(Path explicit, String kind) {
    if (explicit != null) {
      return explicit;
    }
    if (data != null) {
      ProjectFile project = project();
      Path named = project == null ? null : project.files().get(kind);
      if (named != null) {
        return named;
      }
      Path candidate = data.resolve(kind + ".csv");
      return Files.isRegularFile(candidate) ? candidate : null;
    }
    return null;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
