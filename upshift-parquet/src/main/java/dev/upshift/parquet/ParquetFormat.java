package dev.upshift.parquet;

import dev.upshift.input.FxRates;
import dev.upshift.io.csv.SubscriptionsFormat;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Parquet as a {@link SubscriptionsFormat}: the one object the command line hands to
 * {@code DatasetReader} so that a {@code .parquet} subscriptions file is read by this module,
 * first by the Arrow route ({@link ArrowSubscriptionsReader}), else as CSV text
 * ({@link ParquetSubscriptions}). Stateless.
 */
public final class ParquetFormat implements SubscriptionsFormat {
  /** The only instance. */
  public static final ParquetFormat INSTANCE = new ParquetFormat();

  private ParquetFormat() {}

  /** By the file's extension, {@code .parquet} in any case. */
  @Override
  public boolean reads(Path file) {
    return ParquetSubscriptions.isParquet(file);
  }

  @Override
  public Rows tryRead(Path file, FxRates fx, LongConsumer progress) {
    ArrowSubscriptionsReader.Rows rows = ArrowSubscriptionsReader.tryRead(file, fx, progress);
    return rows == null ? null : new Rows(rows.table(), rows.summary());
  }

  @Override
  public CsvCopy open(Path file) {
    return ParquetSubscriptions.open(file);
  }
}
