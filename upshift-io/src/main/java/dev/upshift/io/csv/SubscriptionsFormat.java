package dev.upshift.io.csv;

import dev.upshift.input.FxRates;
import dev.upshift.input.InputError;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseTable;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A format of {@code subscriptions} file other than CSV, read by a module this one does not depend
 * on: Parquet, whose reader needs DuckDB's native libraries and Arrow, lives in
 * {@code upshift-parquet}. The composition root (the command line) hands an implementation to
 * {@link DatasetReader#read(InputFiles, LongConsumer, SubscriptionsFormat)}; a caller that does not
 * has only CSV input.
 *
 * <p>A format offers two routes, tried in this order: a fast one that turns a clean file straight
 * into columns, and a copy of the file as CSV text, which the CSV reader reads with every rule and
 * message it applies to CSV. Implementations are stateless and thread-safe.
 */
public interface SubscriptionsFormat {
  /** Whether {@code file} is in this format (and not CSV). */
  boolean reads(Path file);

  /**
   * Reads a clean file straight into columns, converting money with {@code fx} and telling
   * {@code progress} how much was read; {@code null} when the file is not clean or not sure to
   * be, and must take the CSV route ({@link #open}) so that its errors are found and worded.
   */
  Rows tryRead(Path file, FxRates fx, LongConsumer progress);

  /**
   * Copies the file as CSV text for the CSV reader.
   *
   * @throws dev.upshift.input.InputException when the file is missing or cannot be read
   */
  CsvCopy open(Path file);

  /** The phases of a file read by the fast route, and their summary. Immutable. */
  record Rows(PhaseTable table, InputSummary summary) {}

  /**
   * A file of this format as CSV text, with the header on line 1 and row {@code r} of the file
   * (the first row is 1) on line {@code r + 1}; {@link #close()} deletes the text.
   */
  interface CsvCopy extends AutoCloseable {
    /** What turns a line of the CSV text into the row of the file it came from. */
    int LINE_TO_ROW = -1;

    /** The CSV text. */
    Path csv();

    /** Runs a read of the CSV text, naming the original file and its rows in any errors. */
    <T> T mapErrors(Supplier<T> read);

    /** The same mapping of errors, for callers that keep errors of skipped rows. */
    Function<InputError, InputError> mapping();

    @Override
    void close();
  }
}
