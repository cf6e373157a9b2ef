package dev.upshift.parquet;

import dev.upshift.input.FxRates;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseTable;
import dev.upshift.io.csv.CleanRows;
import dev.upshift.io.csv.FastPathDebug;
import dev.upshift.io.csv.SubscriptionColumns;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * The fast path for a Parquet {@code subscriptions} file: DuckDB reads it and hands the rows over
 * as Arrow batches, typed columns with no text in between, which {@link ArrowRowParser}s turn into
 * a {@link PhaseTable}, parts of the file in parallel.
 *
 * <p>It takes only a file whose columns all have a known name and their natural type: text as
 * {@code VARCHAR}, {@code tier} and {@code seats} as integers, prices as decimals or integers,
 * dates as {@code DATE} ({@link #typeFits}). Anything else, any row the parser is not sure of, and
 * overlapping phases make {@link #tryRead} return {@code null}; the caller then takes the route
 * through CSV text and the strict reader, which handles every type DuckDB can print and words every
 * error. So, as with the CSV fast path, this path only ever changes how fast a clean file is read.
 */
public final class ArrowSubscriptionsReader {
  /**
   * Rows per Arrow batch: large enough to amortise the hand-over, small enough that a batch's
   * columns, copied onto the heap, are still in the core's cache when its rows are parsed (64k
   * rows took a fifth longer to parse than 16k; DuckDB's export costs the same for both).
   */
  private static final int BATCH_ROWS = 16 * 1024;
  /**
   * Parts of the file per core, each read by one worker on its own DuckDB connection: a few, so
   * that the cores finish together; not many, since each part's query reads the file's metadata
   * and skips to its rows again.
   */
  private static final int PARTS_PER_CORE = 2;

  private static final Set<String> TEXT = Set.of(SubscriptionColumns.CUSTOMER_ID,
      SubscriptionColumns.LINE_ID, SubscriptionColumns.PRODUCT, SubscriptionColumns.PLAN,
      SubscriptionColumns.BILLING_PERIOD, SubscriptionColumns.CURRENCY, SubscriptionColumns.STATUS,
      SubscriptionColumns.KIND);
  private static final Set<String> WHOLE = Set.of(SubscriptionColumns.TIER, SubscriptionColumns.SEATS);
  private static final Set<String> INTEGER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");

  private ArrowSubscriptionsReader() {}

  /** A clean file's phases of lines, in file order, and its row counts. */
  public record Rows(PhaseTable table, InputSummary summary) {}

  /**
   * Reads a clean file fast, or returns {@code null} when it needs the strict route.
   *
   * @param progress receives bytes of the file read (in proportion to rows), from several threads
   */
  public static Rows tryRead(Path parquet, FxRates fx, LongConsumer progress) {
    if (!Buffer.class.getModule().isOpen(Buffer.class.getPackageName(),
        ArrowSubscriptionsReader.class.getModule())) {
      // Arrow's memory code reads buffer addresses; the upshift jar's manifest opens java.nio,
      // and other callers need --add-opens=java.base/java.nio=ALL-UNNAMED.
      return declined("java.nio is not open to Arrow");
    }
    String source = parquet.toAbsolutePath().toString();
    if (source.contains("'") || source.matches(".*[*?\\[{].*")) {
      return declined("a path DuckDB would read as a pattern");
    }
    Properties streaming = new Properties();
    streaming.setProperty("jdbc_stream_results", "true");
    long began = System.nanoTime();
    try (DuckDBConnection duckdb =
             (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", streaming);
         BufferAllocator allocator = new RootAllocator()) {
      List<String> columns = columns(duckdb, source);
      if (columns == null) {
        return null;
      }
      long rowCount = rowCount(duckdb, source);
      int parts = (int) Math.max(1, Math.min((rowCount + BATCH_ROWS - 1) / BATCH_ROWS,
          (long) PARTS_PER_CORE * Runtime.getRuntime().availableProcessors()));
      int[] phasesPerPart = phasesPerPart(duckdb, source, columns, rowCount, parts);
      FastPathDebug.log("DuckDB opened, file described and phases counted in %d ms",
          (System.nanoTime() - began) / 1_000_000);
      try (Statement settings = duckdb.createStatement()) {
        // Each worker runs its own query; one DuckDB thread per query keeps them from competing.
        settings.execute("SET threads TO 1");
        // Text as string views: a short text (up to 12 bytes) sits whole in its 16-byte view, so
        // TextColumn compares and looks it up as two numbers.
        settings.execute("SET produce_arrow_string_view = true");
        settings.execute("SET arrow_output_version = '1.4'");
      }
      return read(duckdb, allocator, source, columns, rowCount, phasesPerPart, fx,
          bytesPerRow(parquet, rowCount), progress);
    } catch (SQLException | IOException | RuntimeException | LinkageError e) {
      return declined(e.toString());
    }
  }

  private static Rows read(DuckDBConnection duckdb, BufferAllocator allocator, String source,
      List<String> columns, long rowCount, int[] phasesPerPart, FxRates fx, double bytesPerRow,
      LongConsumer progress) {
    int parts = phasesPerPart.length;
    ArrowRowParser[] parsers = new ArrowRowParser[parts];
    // Each part writes its phases straight into its place in one table.
    PhaseTable.Parts table = new PhaseTable.Parts(phasesPerPart);
    String select = "SELECT " + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList())
        + ", file_row_number FROM read_parquet('" + source + "', file_row_number = true)"
        + " WHERE file_row_number >= %d AND file_row_number < %d";
    long began = System.nanoTime();
    boolean clean = IntStream.range(0, parts).parallel().allMatch(part -> {
      long from = firstRow(part, rowCount, parts);
      long to = firstRow(part + 1, rowCount, parts);
      // Phases carry the row's number in the file (the first row is 1), as errors name it.
      ArrowRowParser parser = new ArrowRowParser(fx, 1, table.part(part));
      parsers[part] = parser;
      try (Connection connection = duckdb.duplicate();
           Statement sql = connection.createStatement();
           DuckDBResultSet rows = (DuckDBResultSet) sql.executeQuery(
               String.format(Locale.ROOT, select, from, to));
           ArrowReader batches = (ArrowReader) rows.arrowExportStream(allocator, BATCH_ROWS)) {
        while (batches.loadNextBatch()) {
          if (!parser.parse(batches.getVectorSchemaRoot())) {
            return false;
          }
          progress.accept((long) (batches.getVectorSchemaRoot().getRowCount() * bytesPerRow));
        }
        return true;
      } catch (SQLException | IOException | RuntimeException e) {
        parser.giveUp(e.toString());
        return false;
      }
    });
    if (!clean) {
      for (ArrowRowParser parser : parsers) {
        if (parser != null && parser.declined()) {
          return declined(parser.declineReason());
        }
      }
      return declined("a part was not read");
    }
    long parsed = System.nanoTime();
    Rows rows = assemble(parsers, table);
    FastPathDebug.log("read %d parts of %d rows in %d ms, assembled in %d ms", parts, rowCount,
        (parsed - began) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000);
    return rows;
  }

  private static Rows assemble(ArrowRowParser[] parsers, PhaseTable.Parts table) {
    List<CleanRows> parts = new ArrayList<>(parsers.length);
    for (ArrowRowParser parser : parsers) {
      parts.add(parser.rows());
    }
    CleanRows.Joined joined = CleanRows.join(parts, table);
    if (joined.table().hasOverlappingPhases()) {
      return declined("overlapping phases");
    }
    return new Rows(joined.table(), joined.summary());
  }

  /**
   * The file's columns when every one has a known name (exactly, in lower case), each at most once,
   * with a type {@link #typeFits fit} for this path, the required ones and a price form among them;
   * otherwise {@code null}.
   */
  private static List<String> columns(Connection duckdb, String source) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement sql = duckdb.createStatement();
         ResultSet described = sql.executeQuery(
             "DESCRIBE SELECT * FROM read_parquet('" + source + "')")) {
      while (described.next()) {
        String name = described.getString("column_name");
        String type = described.getString("column_type");
        if (!SubscriptionColumns.NAMES.contains(name) || types.put(name, type) != null) {
          return declined("column " + name);
        }
        if (!typeFits(name, type)) {
          return declined("column " + name + " of type " + type);
        }
      }
    }
    boolean priced = SubscriptionColumns.PRICE_FORMS.stream().anyMatch(types::containsKey);
    if (!types.containsKey(SubscriptionColumns.CUSTOMER_ID)
        || !types.containsKey(SubscriptionColumns.START_DATE) || !priced) {
      return declined("a required column is missing");
    }
    return List.copyOf(types.keySet());
  }

  /** Whether a column's DuckDB type is one {@link ArrowRowParser} reads. */
  static boolean typeFits(String column, String type) {
    if (TEXT.contains(column)) {
      return type.equals("VARCHAR");
    }
    if (WHOLE.contains(column)) {
      return INTEGER_TYPES.contains(type);
    }
    if (SubscriptionColumns.PRICE_FORMS.contains(column)) {
      return INTEGER_TYPES.contains(type) || type.startsWith("DECIMAL(");
    }
    return type.equals("DATE"); // the four dates
  }

  /**
   * The first row (0-based) of {@code part}: the first row {@code r} with {@code r * parts /
   * rowCount >= part}, so that {@link #phasesPerPart}'s query assigns rows to parts alike.
   */
  private static long firstRow(int part, long rowCount, int parts) {
    return (Math.multiplyExact(rowCount, part) + parts - 1) / parts;
  }

  /**
   * How many phases of lines each part of the file holds: its rows but those of a kind outside
   * lines (overage, one-time), which are counted but kept nowhere. Counting them first costs a
   * pass over one column, much less than closing up the holes they would leave in the table. A
   * count that turns out wrong only costs time: a part with more phases than counted gives up,
   * one with fewer leaves a hole that the table closes.
   */
  private static int[] phasesPerPart(Connection duckdb, String source, List<String> columns,
      long rowCount, int parts) throws SQLException {
    int[] phases = new int[parts];
    if (!columns.contains(SubscriptionColumns.KIND) || rowCount == 0) {
      for (int part = 0; part < parts; part++) {
        phases[part] = Math.toIntExact(
            firstRow(part + 1, rowCount, parts) - firstRow(part, rowCount, parts));
      }
      return phases;
    }
    String lineKinds = Arrays.stream(PhaseKind.values()).filter(PhaseKind::belongsToLine)
        .map(kind -> "'" + kind.code() + "'").collect(Collectors.joining(", "));
    try (Statement sql = duckdb.createStatement();
         ResultSet counted = sql.executeQuery(String.format(Locale.ROOT,
             "SELECT file_row_number * %d // %d AS part, count(*) FROM read_parquet('%s',"
                 + " file_row_number = true) WHERE kind IS NULL OR lower(kind) IN ('', %s)"
                 + " GROUP BY part", parts, rowCount, source, lineKinds))) {
      while (counted.next()) {
        phases[counted.getInt(1)] = Math.toIntExact(counted.getLong(2));
      }
    }
    return phases;
  }

  private static long rowCount(Connection duckdb, String source) throws SQLException {
    try (Statement sql = duckdb.createStatement();
         ResultSet count = sql.executeQuery(
             "SELECT count(*) FROM read_parquet('" + source + "')")) {
      count.next();
      return count.getLong(1);
    }
  }

  private static double bytesPerRow(Path parquet, long rowCount) throws IOException {
    return rowCount == 0 ? 0 : (double) Files.size(parquet) / rowCount;
  }

  private static <T> T declined(String reason) {
    FastPathDebug.log("Parquet fast path declined: %s", reason);
    return null;
  }

}
