package dev.upshift.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * How fast the embedded store ingests phases: batches of 10,000 phase records, each with the
 * twelve columns of a realistic subscriptions.csv row, into a fresh SQLite store in a temporary
 * directory (the same WAL, {@code synchronous=FULL} settings as the service). Prints records per
 * second for new records, for a retry of them all (unchanged) and for reading them back in id
 * order. The time includes building the canonical content and its hash, as the service pays it.
 *
 * <p>Run from the repository root ({@code RECORDS} defaults to 1,000,000; 7100000 is the bulk
 * import of the speed goal; {@code DIR} defaults to a temporary directory, deleted afterwards):
 *
 * <pre>
 * mvn -q -pl upshift-store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.upshift.store.SqliteIngestBench -Dexec.args="RECORDS [DIR]"
 * </pre>
 */
public final class SqliteIngestBench {

  private static final int BATCH = 10_000;

  private SqliteIngestBench() {}

  public static void main(String[] args) throws IOException {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("upshift-bench-");
    try (Store store = SqliteStore.open(dir)) {
      Workspace workspace = store.createWorkspace("bench");
      long created = timed("new records", records, () -> ingestAll(store, workspace, records));
      long unchanged = timed("retried records (unchanged)", records, () -> ingestAll(store, workspace, records));
      long read = timed("snapshot read in id order", records, () -> store.read(workspace, snapshot -> {
        long[] count = {0};
        snapshot.forEach(RecordKind.PHASES, r -> count[0]++);
        return count[0];
      }));
      System.out.printf("checks: %,d created, %,d unchanged, %,d read, data version %d, database %,d MB%n",
          created, unchanged, read, store.dataVersion(workspace), Files.size(dir.resolve(SqliteStore.FILE_NAME)) >> 20);
    } finally {
      if (args.length < 2) {
        try (Stream<Path> paths = Files.walk(dir)) {
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  /**
   * Times one pass. Besides wall time it prints the CPU time of this thread (SQLite runs in it),
   * which other processes on a busy machine do not inflate; the difference is mostly waiting for
   * the disk (fsync) or for a core.
   */
  private static long timed(String what, int records, LongSupplier run) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long result = run.getAsLong();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf("%-28s %,10d records in %6.2f s = %,9.0f records/s (CPU %6.2f s = %,9.0f records/s)%n",
        what, records, seconds, records / seconds, cpuSeconds, records / cpuSeconds);
    return result;
  }

  private static long ingestAll(Store store, Workspace workspace, int records) {
    long changed = 0;
    for (int from = 0; from < records; from += BATCH) {
      List<DataRecord> batch = new ArrayList<>(BATCH);
      for (int i = from; i < Math.min(records, from + BATCH); i++) {
        batch.add(phase(i));
      }
      IngestResult result = store.ingest(workspace, RecordKind.PHASES, batch, IngestMode.STRICT);
      changed += result.created() > 0 ? result.created() : result.unchanged();
    }
    return changed;
  }

  /** A phase like a generated subscriptions.csv row; ids as {@code upshift import} gives them. */
  private static DataRecord phase(int i) {
    int customer = i / 7;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("customer_id", "CUST-" + customer);
    fields.put("line_id", "line-" + (i % 3));
    fields.put("product", (i % 3 == 0) ? "analytics" : "core");
    fields.put("plan", (i % 5 == 0) ? "Premium" : "Standard");
    fields.put("tier", Integer.toString(1 + i % 3));
    fields.put("seats", Integer.toString(5 + i % 200));
    fields.put("arr", (12_000 + (i % 997) * 37) + "." + (i % 100));
    fields.put("currency", (i % 11 == 0) ? "EUR" : "USD");
    LocalDate start = LocalDate.of(2021, 1, 1).plusDays(i % 1_400);
    fields.put("start_date", start.toString());
    fields.put("end_date", start.plusMonths(12).toString());
    fields.put("status", "active");
    fields.put("kind", "recurring");
    return DataRecord.of("subscriptions.csv:" + (i + 2), fields);
  }
}
