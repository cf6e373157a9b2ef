package dev.upshift.io.csv;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.FxRates;
import dev.upshift.input.HealthScores;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import dev.upshift.input.PlanCatalog;
import dev.upshift.input.SubscriptionLog;
import dev.upshift.input.Target;
import java.util.List;
import dev.upshift.io.parquet.ParquetSubscriptions;
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
    if (ParquetSubscriptions.isParquet(files.subscriptions())) {
      return readParquet(files, progress);
    }
    return read(files, progress, true);
  }

  /** Subscriptions from Parquet: read as CSV text, errors naming the Parquet file's rows. */
  private static ReadResult readParquet(InputFiles files, LongConsumer progress) {
    try (ParquetSubscriptions parquet = ParquetSubscriptions.open(files.subscriptions())) {
      InputFiles asCsv = new InputFiles(parquet.csv(), files.customers(), files.plans(),
          files.health(), files.targets(), files.fx(), files.currency(), files.onError(),
          files.rejectsFile());
      ReadResult result = parquet.mapErrors(() -> read(asCsv, progress, true));
      return new ReadResult(result.dataset(),
          result.skipped().stream().map(parquet.mapping()).toList(), result.skippedErrors(),
          result.rejectsFile());
    }
  }

  /** @param fastPath whether a clean subscriptions.csv may be read in parallel (tests turn it off) */
  static ReadResult read(InputFiles files, LongConsumer progress, boolean fastPath) {
    ReadContext context = new ReadContext();
    String currency = files.currency();

    FxRates fx = FxRates.none(currency);
    Map<String, Long> rejectedCurrencies = Map.of();
    if (files.fx() != null) {
      FxReader reader = new FxReader(context, files.fx(), currency);
      reader.read();
      fx = reader.rates();
      rejectedCurrencies = reader.rejectedCurrencies();
    }
    PlanCatalog plans = PlanCatalog.empty();
    if (files.plans() != null) {
      PlansReader reader = new PlansReader(context, files.plans());
      reader.read();
      plans = reader.catalog();
    }
    CustomerAttributes customers = CustomerAttributes.empty();
    if (files.customers() != null) {
      customers = CustomersReader.read(context, files.customers(), fastPath);
    }
    HealthScores health = HealthScores.empty();
    if (files.health() != null) {
      HealthReader reader = new HealthReader(context, files.health());
      reader.read();
      health = reader.scores();
    }
    List<Target> targets = List.of();
    if (files.targets() != null) {
      TargetsReader reader = new TargetsReader(context, files.targets());
      reader.read();
      targets = reader.targets();
    }

    if (fastPath && files.onError() == OnError.FAIL) {
      // A clean file is read in parallel; anything else falls through to the strict reader.
      context.register(files.subscriptions().toString());
      ParallelSubscriptionsReader.Result fast = ParallelSubscriptionsReader.tryRead(
          files.subscriptions(), fx, ParallelSubscriptionsReader.DEFAULT_CHUNK, progress);
      if (fast != null) {
        ErrorLog failures = context.failures();
        if (failures.total() > 0) {
          throw new InputException(failures.listed(), failures.total());
        }
        Dataset dataset = Dataset.builder().table(fast.table()).summary(fast.summary())
            .customers(customers).plans(plans).health(health).targets(targets).currency(currency)
            .build();
        return new ReadResult(dataset, List.of(), 0, null);
      }
    }
    String fxFile = files.fx() == null ? FX_FILE : files.fx().toString();
    PhaseParser parser = new PhaseParser(fx, fxFile, rejectedCurrencies);
    RejectsFile rejects =
        files.onError() == OnError.SKIP ? RejectsFile.create(files.rejectsFile()) : null;
    boolean committed = false;
    try {
      SubscriptionsReader reader =
          new SubscriptionsReader(context, files.subscriptions(), parser, rejects);
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
      Dataset dataset = Dataset.builder()
          .addAll(kept)
          .summary(SubscriptionLog.summarise(kept, reader.rejectedRows()))
          .customers(customers)
          .plans(plans)
          .health(health)
          .targets(targets)
          .currency(currency)
          .build();
      return new ReadResult(dataset, reader.skipped().listed(), reader.skipped().total(),
          rejects == null ? null : rejects.target());
    } finally {
      if (rejects != null && !committed) {
        rejects.discard();
      }
    }
  }
}
