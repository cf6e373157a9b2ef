package dev.upshift.parquet;

import dev.upshift.input.Phase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Parquet files for tests, written by DuckDB. */
final class ParquetFiles {
  /** The types a warehouse export would give the columns of subscriptions. */
  static final String TYPED_COLUMNS = "{'customer_id': 'VARCHAR', 'line_id': 'VARCHAR', "
      + "'product': 'VARCHAR', 'plan': 'VARCHAR', 'tier': 'INTEGER', 'seats': 'INTEGER', "
      + "'arr': 'DECIMAL(18,2)', 'mrr': 'DECIMAL(18,2)', 'amount': 'DECIMAL(18,2)', "
      + "'billing_period': 'VARCHAR', 'currency': 'VARCHAR', 'start_date': 'DATE', "
      + "'end_date': 'DATE', 'signed_date': 'DATE', 'cancel_signed_date': 'DATE', "
      + "'status': 'VARCHAR', 'kind': 'VARCHAR'}";

  private ParquetFiles() {}

  /** A copy of a CSV file with every column as text. */
  static void copyAsText(Path csv, Path parquet) throws SQLException {
    copy("SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)", parquet);
  }

  /** A copy of a generated subscriptions.csv (all 17 columns) with typed columns. */
  static void copyTyped(Path csv, Path parquet) throws SQLException {
    copy("SELECT * FROM read_csv('" + csv + "', header = true, columns = " + TYPED_COLUMNS + ")",
        parquet);
  }

  /**
   * {@code subscriptions.parquet} in {@code dir} holding SQL {@code rows} (a VALUES list) under
   * {@code columns}.
   */
  static Path write(Path dir, String columns, String rows) throws SQLException {
    Path parquet = dir.resolve("subscriptions.parquet");
    copy("SELECT * FROM (VALUES " + rows + ") AS t(" + columns + ")", parquet);
    return parquet;
  }

  static void copy(String select, Path parquet) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement sql = connection.createStatement()) {
      sql.execute("COPY (" + select + ") TO '" + parquet + "' (FORMAT PARQUET)");
    }
  }

  /** Phases read from a CSV file as the Parquet file made from it numbers them: by row. */
  static List<Phase> atRows(List<Phase> fromCsv) {
    return fromCsv.stream().map(p -> new Phase(p.customerId(), p.lineId(), p.product(), p.plan(),
        p.tier(), p.seats(), p.arrMicros(), p.start(), p.end(), p.signed(), p.cancelSigned(),
        p.status(), p.kind(), p.line() - 1)).toList();
  }
}
