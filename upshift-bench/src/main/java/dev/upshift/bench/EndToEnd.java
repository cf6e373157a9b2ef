package dev.upshift.bench;

import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end benchmark: generates (or reuses) {@code upshift generate --customers N --months
 * M} data, then times whole processes over it, each several times, quoting medians of wall time,
 * CPU time (user + system) and peak resident memory: Upshift's {@code report} in several
 * configurations, {@code validate} (parsing only), and the DuckDB SQL peer ({@link SqlBridge}) on
 * the same files, with the ratio of the SQL's wall time to Upshift's. Measurements come from
 * {@code /usr/bin/time}, so the figures include JVM start-up and everything else a user waits for.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * java -cp upshift-bench/target/upshift-bench.jar dev.upshift.bench.EndToEnd \
 *     --customers 1000000 --months 36 --runs 3 --dir /tmp/upshift-bench
 * </pre>
 * Options: {@code --jar} the Upshift jar (default {@code upshift-cli/target/upshift.jar}), {@code
 * --java-opts} its JVM options (default those of {@code bin/upshift}), {@code --only a,b} some
 * scenarios, {@code --seed S}. Data is written under {@code --dir} (never commit it); the json,
 * ledger and html scenarios write their outputs to {@code --out DIR} (default {@code DIR/out} beside
 * the data), emptied before each run.
 */
public final class EndToEnd {
  /** The JVM options bin/upshift uses unless UPSHIFT_JAVA_OPTS says otherwise. */
  static final String DEFAULT_JAVA_OPTS = "-Xmx3g -XX:+UseParallelGC";

  private EndToEnd() {}

  /** One measured process run. */
  record Run(double wallSeconds, double cpuSeconds, long peakRssKb, int exitCode) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
    int months = Integer.parseInt(options.getOrDefault("months", "36"));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    Path root = Path.of(options.getOrDefault("dir", "/tmp/upshift-bench"));
    Path jar = Path.of(options.getOrDefault("jar", "upshift-cli/target/upshift.jar"));
    List<String> javaOpts = List.of(options.getOrDefault("java-opts", DEFAULT_JAVA_OPTS).split(" "));
    Path data = root.resolve(customers + "x" + months + "-seed" + seed);
    prepare(data, customers, months, seed);

    Path out = Path.of(options.getOrDefault("out", data.resolve("out").toString()));
    Files.createDirectories(out);
    Map<String, List<String>> scenarios = scenarios(data, out);
    String only = options.get("only");
    List<String> chosen = only == null ? new ArrayList<>(scenarios.keySet()) : List.of(only.split(","));
    Path benchJar = Path.of(EndToEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    long bytes = Files.size(data.resolve("subscriptions.csv"));
    System.out.printf(Locale.ROOT,
        "data: %s, subscriptions.csv %d MB, %d runs each (interleaved), outputs in %s, Upshift JVM %s%n",
        data, bytes >> 20, runs, out, String.join(" ", javaOpts));
    System.out.printf(Locale.ROOT, "load average at start: %s%n",
        Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println("| scenario | wall s (median) | CPU s | peak RSS MB | runs (wall s) |");
    System.out.println("|---|---|---|---|---|");
    // Runs are interleaved (every scenario once, then again): on a shared machine a burst of
    // load then falls on all scenarios alike instead of on one, which matters for the ratios.
    Map<String, List<String>> commands = new LinkedHashMap<>();
    Map<String, List<Run>> measured = new LinkedHashMap<>();
    for (String name : chosen) {
      List<String> command = new ArrayList<>();
      if (name.equals("sql")) {
        command.addAll(List.of("java", "-cp", benchJar.toString(), SqlBridge.class.getName(),
            data.toString()));
      } else {
        command.add("java");
        command.addAll(javaOpts);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(scenarios.get(name));
      }
      commands.put(name, command);
      measured.put(name, new ArrayList<>());
    }
    for (int i = 0; i < runs; i++) {
      for (String name : chosen) {
        // A previous run's output is deleted before the clock starts: replacing a 3 GB ledger
        // makes the file system discard its blocks, which is not the ledger's cost.
        try (var old = Files.list(out)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
        measured.get(name).add(time(commands.get(name)));
      }
    }
    Map<String, Run> medians = new LinkedHashMap<>();
    for (String name : chosen) {
      Run median = median(measured.get(name));
      medians.put(name, median);
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %d | %s |%n", name, median.wallSeconds(),
          median.cpuSeconds(), median.peakRssKb() >> 10, measured.get(name).stream()
              .map(r -> String.format(Locale.ROOT, "%.2f%s", r.wallSeconds(),
                  r.exitCode() == 0 ? "" : " (exit " + r.exitCode() + ")"))
              .toList());
    }
    Run month = medians.get("month");
    Run sql = medians.get("sql");
    if (month != null && sql != null) {
      System.out.printf(Locale.ROOT, "SQL wall / Upshift wall (month): %.1fx%n",
          sql.wallSeconds() / month.wallSeconds());
    }
    Run json = medians.get("json");
    for (String output : List.of("ledger", "html")) {
      Run run = medians.get(output);
      if (json != null && run != null) {
        System.out.printf(Locale.ROOT, "%s / json (same folder): %.2fx%n", output,
            run.wallSeconds() / json.wallSeconds());
      }
    }
    Run parse = medians.get("parse");
    if (month != null && parse != null) {
      System.out.printf(Locale.ROOT, "month / parse-only: %.2fx%n",
          month.wallSeconds() / parse.wallSeconds());
    }
  }

  /** The Upshift command lines timed, by name. */
  static Map<String, List<String>> scenarios(Path data, Path out) {
    String subs = data.resolve("subscriptions.csv").toString();
    List<String> base = List.of("--plans", data.resolve("plans.csv").toString(),
        "--fx", data.resolve("fx.csv").toString());
    Map<String, List<String>> scenarios = new LinkedHashMap<>();
    scenarios.put("parse", concat(List.of("validate", "--subscriptions", subs), base));
    List<String> month = concat(List.of("report", "--subscriptions", subs), base,
        List.of("--grain", "month", "--format", "json", "--out",
            out.resolve("month.json").toString()));
    scenarios.put("month", month);
    scenarios.put("segments", concat(month, List.of("--customers",
        data.resolve("customers.csv").toString(), "--by", "tenure,channel")));
    scenarios.put("contracted", concat(month, List.of("--book", "contracted")));
    scenarios.put("quarter-any", concat(List.of("report", "--subscriptions", subs), base,
        List.of("--grain", "quarter", "--rate-counting", "any", "--format", "json", "--out",
            out.resolve("quarter.json").toString())));
    scenarios.put("unsorted", concat(List.of("report", "--subscriptions",
        data.resolve("unsorted").resolve("subscriptions.csv").toString()), base,
        List.of("--grain", "month", "--format", "json", "--out",
            out.resolve("month.json").toString())));
    scenarios.put("parquet", concat(List.of("report", "--subscriptions",
        data.resolve("typed").resolve("subscriptions.parquet").toString()), base,
        List.of("--grain", "month", "--format", "json", "--out",
            out.resolve("month.json").toString())));
    scenarios.put("parquet-text", concat(List.of("report", "--subscriptions",
        data.resolve("text").resolve("subscriptions.parquet").toString()), base,
        List.of("--grain", "month", "--format", "json", "--out",
            out.resolve("month.json").toString())));
    // Every output of one report on the whole folder (customers, health, targets, initiatives too):
    // issue #9 asks for the ledger and the HTML report within 1.5x of the plain JSON, same run.
    List<String> folder = List.of("report", "--data", data.toString());
    scenarios.put("json", concat(folder, List.of("--format", "json", "--out",
        out.resolve("report.json").toString())));
    scenarios.put("ledger", concat(folder, List.of("--format", "json", "--out",
        out.resolve("report.json").toString(), "--ledger", out.resolve("ledger.csv").toString())));
    scenarios.put("html", concat(folder, List.of("--format", "html", "--out",
        out.resolve("report.html").toString())));
    scenarios.put("sql", List.of());
    return scenarios;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    Arrays.stream(parts).forEach(all::addAll);
    return all;
  }

  /** The column types of the typed Parquet copy: as a warehouse would export them. */
  private static final String TYPED_COLUMNS = "{'customer_id': 'VARCHAR', 'line_id': 'VARCHAR', "
      + "'product': 'VARCHAR', 'plan': 'VARCHAR', 'tier': 'INTEGER', 'seats': 'INTEGER', "
      + "'arr': 'DECIMAL(18,6)', 'mrr': 'DECIMAL(18,6)', 'amount': 'DECIMAL(18,6)', "
      + "'billing_period': 'VARCHAR', 'currency': 'VARCHAR', 'start_date': 'DATE', "
      + "'end_date': 'DATE', 'signed_date': 'DATE', 'cancel_signed_date': 'DATE', "
      + "'status': 'VARCHAR', 'kind': 'VARCHAR'}";

  /**
   * Generates the data, a shuffled copy and two Parquet copies (typed columns, and every column as
   * text), unless they are there already.
   */
  static void prepare(Path data, int customers, int months, long seed) throws IOException, SQLException {
    if (!Files.exists(data.resolve("subscriptions.csv"))) {
      System.out.println("generating " + customers + " customers x " + months + " months in " + data);
      SampleGenerator.of(SampleOptions.of(customers, months, seed)).writeTo(data);
    }
    Path unsorted = data.resolve("unsorted").resolve("subscriptions.csv");
    Path typed = data.resolve("typed").resolve("subscriptions.parquet");
    Path text = data.resolve("text").resolve("subscriptions.parquet");
    if (Files.exists(unsorted) && Files.exists(typed) && Files.exists(text)) {
      return;
    }
    for (Path file : List.of(unsorted, typed, text)) {
      Files.createDirectories(file.getParent());
    }
    String source = "read_csv('" + data.resolve("subscriptions.csv") + "', header = true, ";
    String csv = source + "all_varchar = true)";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement sql = connection.createStatement()) {
      // Decimals of scale 6 hold every price Upshift accepts exactly (a price is never a double).
      sql.execute("COPY (SELECT * FROM " + source + "columns = " + TYPED_COLUMNS + ")) TO '"
          + typed + "' (FORMAT PARQUET)");
      // Text columns keep every cell exactly as written: the route through CSV text.
      sql.execute("COPY (SELECT * FROM " + csv + ") TO '" + text + "' (FORMAT PARQUET)");
      // Rows in an order unrelated to customers: a deterministic hash of the row's cells.
      sql.execute("COPY (SELECT * FROM " + csv + " ORDER BY hash(customer_id, product, start_date,"
          + " coalesce(end_date, ''), coalesce(line_id, ''))) TO '" + unsorted + "' (HEADER, DELIMITER ',')");
    }
  }

  /** Runs a command under /usr/bin/time, its output discarded. */
  static Run time(List<String> command) throws IOException, InterruptedException {
    Path report = Files.createTempFile("upshift-time", ".txt");
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", report.toString(), "-f",
        "%e %U %S %M"));
    timed.addAll(command);
    Process process = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int exit = process.waitFor();
    List<String> lines = Files.readAllLines(report);
    Files.delete(report);
    String[] fields = lines.get(lines.size() - 1).trim().split(" ");
    return new Run(Double.parseDouble(fields[0]),
        Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]), Long.parseLong(fields[3]), exit);
  }

  /** The run of median wall time (CPU and memory are of that same run). */
  static Run median(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()));
    return sorted.get(sorted.size() / 2);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
