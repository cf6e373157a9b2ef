package dev.upshift.io.csv;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.FxRates;
import dev.upshift.input.HealthScores;
import dev.upshift.input.InputException;
import dev.upshift.input.InputSummary;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import dev.upshift.input.SubscriptionLog;
import dev.upshift.input.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads the CSV input files of one report into a {@link Dataset}: the single entry point of this
 * package.
 *
 * <p>Files are read in dependency order, fx.csv, plans.csv, customers.csv, health.csv, targets.csv,
 * then subscriptions.csv, and errors are listed in that order (then by line): a bad FX rate comes
 * before the subscription rows it leaves without a rate. Every file is checked even after an error,
 * so one run lists all the problems.
 */
public final class DatasetReader {
  /** The name fx.csv goes by in messages when none was given. */
  private static final String FX_FILE = "fx.csv";

  private DatasetReader() {}

  /**
   * Reads and validates every file.
   *
   * @throws InputException when any input is in error (under {@link OnError#SKIP}: any error other
   *     than in a row of subscriptions.csv), with the first 100 errors in (file, line) order and
   *     the total count
   * @throws java.io.UncheckedIOException when the rejects file cannot be written
   */
  public static ReadResult read(InputFiles files) {
    return read(files, bytes -> { });
  }

  /**
   * As {@link #read(InputFiles)}, telling {@code progress} how many bytes of subscriptions.csv
   * were parsed (possibly from several threads; the total is the file's size).
   */
  public static ReadResult read(InputFiles files, LongConsumer progress) {
    return read(files, progress, null, true);
  }

  /**
   * As {@link #read(InputFiles, LongConsumer)}, reading a subscriptions file that {@code other}
   * {@linkplain SubscriptionsFormat#reads reads} through it (the command line passes the Parquet
   * format this way).
   */
  public static ReadResult read(InputFiles files, LongConsumer progress,
      SubscriptionsFormat other) {
    return read(files, progress, other, true);
  }

  /** @param fastPath whether a clean subscriptions.csv may be read in parallel (tests turn it off) */
  static ReadResult read(InputFiles files, LongConsumer progress, boolean fastPath) {
    return read(files, progress, null, fastPath);
  }

  /**
   * @param other the format of a subscriptions file that is not CSV, or {@code null}
   * @param fastPath whether a clean subscriptions file may be read by a fast path
   */
  static ReadResult read(InputFiles files, LongConsumer progress, SubscriptionsFormat other,
      boolean fastPath) {
    ReadContext context = new ReadContext(files.mapping());
    SideFiles others = readSideFiles(files, context, fastPath);
    Path subscriptions = files.subscriptions();
    if (other == null || !other.reads(subscriptions)) {
      return readSubscriptions(InputSource.of(subscriptions), files.onError(), files.rejectsFile(),
          others, context, progress, fastPath, files.endDates());
    }
    // The other format's fast path knows neither mappings nor end-date conventions.
    boolean plain = files.mapping().isEmpty() && files.endDates() == EndDates.EXCLUSIVE;
    if (fastPath && plain && files.onError() == OnError.FAIL) {
      SubscriptionsFormat.Rows fast = other.tryRead(subscriptions, others.fx(), progress);
      if (fast != null) {
        return cleanResult(fast.table(), fast.summary(), others, context);
      }
    }
    // Any other file of that format (Parquet) goes through CSV text, so that it meets every rule
    // and message of the CSV reader; errors then name the original file and its rows.
    try (SubscriptionsFormat.CsvCopy copy = other.open(subscriptions)) {
      ReadResult result = copy.mapErrors(() -> readSubscriptions(InputSource.of(copy.csv()),
          files.onError(), files.rejectsFile(), others, context, progress, fastPath,
          files.endDates()));
      Dataset read = result.dataset();
      PhaseTable byRow = PhaseTable.concat(List.of(read.table()),
          new int[] {SubscriptionsFormat.CsvCopy.LINE_TO_ROW});
      Dataset dataset = new Dataset(byRow, read.customers(), read.plans(), read.health(),
          read.targets(), read.summary(), read.currency());
      return new ReadResult(dataset,
          result.skipped().stream().map(copy.mapping()).toList(), result.skippedErrors(),
          result.rejectsFile());
    }
  }

  /**
   * Reads and validates the files other than subscriptions ({@link InputFiles#subscriptions()} is
   * not opened): for a reader of subscriptions that lives elsewhere, such as a Spark job, which
   * then checks its rows with {@link SideFiles#subscriptionRows}.
   *
   * @throws InputException when any of them is in error, with the first 100 errors in the order
   *     {@link #read(InputFiles)} lists them
   */
  public static SideFiles readSideFiles(InputFiles files) {
    ReadContext context = new ReadContext(files.mapping());
    SideFiles side = readSideFiles(files, context, true);
    ErrorLog failures = context.failures();
    if (failures.total() > 0) {
      throw new InputException(failures.listed(), failures.total());
    }
    return side;
  }

  /**
   * Reads records held in memory (the service's batches and stored records) by the same rules as
   * the files: see {@link RecordTable}. Any error fails the read.
   *
   * @throws InputException with the first 100 errors in (table, line) order and the total count;
   *     each error's line is its record's ({@link RecordTable#indexOf})
   */
  public static Dataset read(InputRecords records) {
    ReadContext context = new ReadContext();
    SideFiles others = readSideFiles(context, records.currency(), source(records.fx()),
        source(records.plans()), source(records.customers()), source(records.health()),
        source(records.targets()), records.fx() == null ? FX_FILE : records.fx().name(), false);
    return readSubscriptions(InputSource.of(records.subscriptions()), OnError.FAIL, null, others,
        context, bytes -> { }, false, EndDates.EXCLUSIVE).dataset();
  }

  private static InputSource source(Path path) {
    return path == null ? null : InputSource.of(path);
  }

  private static InputSource source(RecordTable records) {
    return records == null ? null : InputSource.of(records);
  }

  /** Reads the files other than subscriptions, in dependency order, into {@code context}'s log. */
  private static SideFiles readSideFiles(InputFiles files, ReadContext context,
      boolean fastPath) {
    return readSideFiles(context, files.currency(), source(files.fx()), source(files.plans()),
        source(files.customers()), source(files.health()), source(files.targets()),
        files.fx() == null ? FX_FILE : files.fx().toString(), fastPath);
  }

  /**
   * Reads the inputs other than subscriptions, each {@code null} when absent.
   *
   * @param fxFile the name of fx.csv in messages
   */
  private static SideFiles readSideFiles(ReadContext context, String currency,
      InputSource fxSource, InputSource plansSource, InputSource customersSource,
      InputSource healthSource, InputSource targetsSource, String fxFile, boolean fastPath) {
    FxRates fx = FxRates.none(currency);
    Map<String, Long> rejectedCurrencies = Map.of();
    if (fxSource != null) {
      FxReader reader = new FxReader(context, fxSource, currency);
      reader.read();
      fx = reader.rates();
      rejectedCurrencies = reader.rejectedCurrencies();
    }
    PlanCatalog plans = PlanCatalog.empty();
    if (plansSource != null) {
      PlansReader reader = new PlansReader(context, plansSource);
      reader.read();
      plans = reader.catalog();
    }
    CustomerAttributes customers = CustomerAttributes.empty();
    if (customersSource != null) {
      customers = customersSource.path() != null
          ? CustomersReader.read(context, customersSource.path(), fastPath)
          : CustomersReader.read(context, customersSource);
    }
    HealthScores health = HealthScores.empty();
    if (healthSource != null) {
      HealthReader reader = new HealthReader(context, healthSource);
      reader.read();
      health = reader.scores();
    }
    List<Target> targets = List.of();
    if (targetsSource != null) {
      TargetsReader reader = new TargetsReader(context, targetsSource);
      reader.read();
      targets = reader.targets();
    }
    return new SideFiles(fx, rejectedCurrencies, fxFile, plans, customers, health, targets,
        currency);
  }

  /**
   * Reads subscriptions: a clean CSV file fast, anything else strictly.
   *
   * @param onError the error policy
   * @param rejectsFile where {@link OnError#SKIP} writes dropped rows
   * @param endDates what the file's end dates mean
   */
  private static ReadResult readSubscriptions(InputSource subscriptions, OnError onError,
      Path rejectsFile, SideFiles others, ReadContext context, LongConsumer progress,
      boolean fastPath, EndDates endDates) {
    if (fastPath && onError == OnError.FAIL && subscriptions.path() != null) {
      // A clean file is read in parallel; anything else falls through to the strict reader.
      context.register(subscriptions.name());
      ParallelSubscriptionsReader.Result fast = ParallelSubscriptionsReader.tryRead(
          subscriptions.path(), others.fx(), ParallelSubscriptionsReader.DEFAULT_CHUNK, progress,
          context.mapping(), endDates);
      if (fast != null) {
        return cleanResult(fast.table(), fast.summary(), others, context);
      }
    }
    PhaseParser parser = others.phaseParser(endDates);
    RejectsFile rejects = onError == OnError.SKIP ? RejectsFile.create(rejectsFile) : null;
    boolean committed = false;
    try {
      SubscriptionsReader reader = new SubscriptionsReader(context, subscriptions, parser, rejects);
      reader.read();
      List<Phase> kept = reader.checkOverlaps();
      ErrorLog failures = context.failures();
      if (failures.total() > 0) {
        throw new InputException(failures.listed(), failures.total());
      }
      if (rejects != null) {
        rejects.commit();
        committed = true;
      }
      Dataset dataset = others.into(Dataset.builder())
          .addAll(kept)
          .summary(SubscriptionLog.summarise(kept, reader.rejectedRows()))
          .build();
      return new ReadResult(dataset, reader.skipped().listed(), reader.skipped().total(),
          rejects == null ? null : rejects.target());
    } finally {
      if (rejects != null && !committed) {
        rejects.discard();
      }
    }
  }

  /** The result of a subscriptions file read by a fast path, unless another file had errors. */
  private static ReadResult cleanResult(PhaseTable table, InputSummary summary, SideFiles others,
      ReadContext context) {
    ErrorLog failures = context.failures();
    if (failures.total() > 0) {
      throw new InputException(failures.listed(), failures.total());
    }
    Dataset dataset = others.into(Dataset.builder()).table(table).summary(summary).build();
    return new ReadResult(dataset, List.of(), 0, null);
  }
}
