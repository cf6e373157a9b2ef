package dev.upshift.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL peer: the monthly live ARR bridge, Total Users and Upsell Users computed by DuckDB from
 * the same CSV files, as a warehouse team would (the statements are in {@code
 * monthly-bridge.sql} beside this class, with what they compute and leave out). {@link
 * SqlBridgeTest} checks its numbers against Upshift's on generated data; {@link EndToEnd} times it
 * as a separate process beside Upshift.
 *
 * <p>Run on its own (the figures go to standard output, one line per month):
 * <pre>
 * java -cp upshift-bench/target/upshift-bench.jar dev.upshift.bench.SqlBridge DIR
 * </pre>
 * where {@code DIR} holds {@code subscriptions.csv} and {@code fx.csv} from {@code upshift
 * generate}.
 */
public final class SqlBridge {
  private SqlBridge() {}

  /**
   * One month's figures; money in currency units with 6 decimals, outflows negative.
   */
  public record Month(String month, BigDecimal starting, BigDecimal newLogo,
      BigDecimal reactivation, BigDecimal expansion, BigDecimal contraction, BigDecimal churn,
      BigDecimal ending, long seatsStarting, long seatsNew, long seatsExpansion, long seatsChurned,
      long seatsDowngraded, long seatsEnding, long upsellUsers) {}

  /** Runs the SQL over {@code subscriptions.csv} and {@code fx.csv}. */
  public static List<Month> compute(Path subscriptions, Path fx) throws SQLException {
    String script = script()
        .replace("${subscriptions}", quoted(subscriptions))
        .replace("${fx}", quoted(fx));
    List<String> statements = new ArrayList<>();
    for (String statement : script.split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement);
      }
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement sql = connection.createStatement()) {
      for (int i = 0; i < statements.size() - 1; i++) {
        sql.execute(statements.get(i));
      }
      List<Month> months = new ArrayList<>();
      try (ResultSet rows = sql.executeQuery(statements.get(statements.size() - 1))) {
        while (rows.next()) {
          months.add(new Month(rows.getString("month"), money(rows, "starting"),
              money(rows, "new_logo"), money(rows, "reactivation"), money(rows, "expansion"),
              money(rows, "contraction"), money(rows, "churn"), money(rows, "ending"),
              count(rows, "seats_starting"), count(rows, "seats_new"),
              count(rows, "seats_expansion"), count(rows, "seats_churned"),
              count(rows, "seats_downgraded"), count(rows, "seats_ending"),
              count(rows, "upsell_users")));
        }
      }
      return months;
    }
  }

  private static BigDecimal money(ResultSet rows, String column) throws SQLException {
    return new BigDecimal(new BigInteger(rows.getString(column)), 6);
  }

  private static long count(ResultSet rows, String column) throws SQLException {
    return new BigInteger(rows.getString(column)).longValueExact();
  }

  private static String quoted(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }

  /** The SQL without its comments (they may hold semicolons). */
  private static String script() {
    try (InputStream in = SqlBridge.class.getResourceAsStream("monthly-bridge.sql")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.strip().startsWith("--"))
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code SqlBridge DIR}: prints each month's figures. */
  public static void main(String[] args) throws SQLException {
    if (args.length != 1) {
      System.err.println("usage: SqlBridge DIR   (DIR holds subscriptions.csv and fx.csv)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    for (Month month : compute(dir.resolve("subscriptions.csv"), dir.resolve("fx.csv"))) {
      System.out.println(String.format(Locale.ROOT, "%s starting %s ending %s upsellUsers %d",
          month.month(), month.starting().toPlainString(), month.ending().toPlainString(),
          month.upsellUsers()));
    }
  }
}
