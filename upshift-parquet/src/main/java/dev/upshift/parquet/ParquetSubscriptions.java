package dev.upshift.parquet;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.io.csv.SubscriptionsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A Parquet {@code subscriptions} file as CSV text for the CSV reader, and the mapping of the CSV
 * reader's errors back to the Parquet file's rows. See the package documentation for why.
 */
public final class ParquetSubscriptions implements SubscriptionsFormat.CsvCopy {
  private final Path parquet;
  private final Path csv;

  private ParquetSubscriptions(Path parquet, Path csv) {
    this.parquet = parquet;
    this.csv = csv;
  }

  /** Whether a path names a Parquet file (by its extension, any case). */
  public static boolean isParquet(Path path) {
    return isParquet(path.getFileName().toString());
  }

  /** Whether a file name or path ends in {@code .parquet} (any case). */
  public static boolean isParquet(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /**
   * Starts loading DuckDB on a background thread, so that a Parquet file read soon after finds
   * it ready: unpacking and loading its native library takes about a third of a second, which
   * then passes while the command line is parsed and the smaller files are read. Reading waits
   * for the load if it is not done (the JVM lets one thread initialise a class), and a failure
   * here is left for the read to meet and report.
   */
  public static void loadDuckDbInBackground() {
    Thread loader = new Thread(() -> {
      try {
        Class.forName("org.duckdb.DuckDBDriver");
        Class.forName("org.duckdb.DuckDBNative");
      } catch (ClassNotFoundException | LinkageError e) {
        // Reading the file opens DuckDB again and reports what is wrong.
      }
    }, "upshift-duckdb-loader");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Writes the Parquet file's rows to a temporary CSV file (deleted on {@link #close()}).
   *
   * @throws InputException when the file is missing or DuckDB cannot read it
   */
  public static ParquetSubscriptions open(Path parquet) {
    if (!Files.isRegularFile(parquet)) {
      throw new InputException(new InputError(parquet.toString(), 0, null,
          InputErrorCode.NO_SUCH_FILE, "no such file"));
    }
    Path csv;
    try {
      csv = Files.createTempFile("upshift-parquet-", ".csv");
    } catch (IOException e) {
      throw new InputException(new InputError(parquet.toString(), 0, null,
          InputErrorCode.UNREADABLE_FILE, "cannot create a temporary file: " + e.getMessage()));
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement sql = connection.createStatement()) {
      sql.execute("COPY (SELECT * FROM read_parquet('" + quote(parquet) + "')) TO '" + quote(csv)
          + "' (HEADER, DELIMITER ',', DATEFORMAT '%Y-%m-%d')");
    } catch (SQLException e) {
      delete(csv);
      throw new InputException(new InputError(parquet.toString(), 0, null,
          InputErrorCode.UNREADABLE_FILE, "cannot read the Parquet file: " + e.getMessage()));
    }
    return new ParquetSubscriptions(parquet, csv);
  }

  /** The CSV text of the rows: header on line 1, row {@code r} on line {@code r + 1}. */
  @Override
  public Path csv() {
    return csv;
  }

  /** An error of the CSV reader as an error of the Parquet file: its row number as the line. */
  public InputError toParquet(InputError error) {
    if (!error.file().equals(csv.toString())) {
      return error;
    }
    return new InputError(parquet.toString(), Math.max(0, error.line() + LINE_TO_ROW), error.column(),
        error.code(), error.reason());
  }

  /** Runs a read of the CSV text, naming the Parquet file and its rows in any errors. */
  @Override
  public <T> T mapErrors(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InputException e) {
      List<InputError> errors = e.errors().stream().map(this::toParquet).toList();
      throw new InputException(errors, e.totalErrors());
    }
  }

  /** The mapping, for callers that keep errors of skipped rows. */
  @Override
  public Function<InputError, InputError> mapping() {
    return this::toParquet;
  }

  @Override
  public void close() {
    delete(csv);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (NoSuchFileException e) {
      // gone already
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }

  private static String quote(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }
}
