package dev.upshift.server;

import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast the API ingests phases: posts {@code RECORDS} phase records (default 1,000,000) as JSON
 * in batches of 10,000 to a server on 127.0.0.1 and prints records per second. Each record has the
 * twelve fields of a realistic subscriptions.csv row; each customer has seven consecutive phases of
 * one line, so every batch is checked for overlaps against the stored phases of its customers.
 * The bodies are built before the clock starts (the client's JSON is not the server's cost);
 * {@code CLIENTS} threads (default 2) post them, each waiting for its reply before the next.
 *
 * <p>By default it starts a server in this JVM on the embedded store in a fresh temporary
 * directory; given {@code URL KEY} it posts to that server instead (e.g. {@code bin/upshift serve}
 * and a write key of an empty workspace). Run from the repository root:
 *
 * <pre>
 * mvn -q -pl upshift-server -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.upshift.server.ApiIngestBench -Dexec.args="RECORDS CLIENTS [URL KEY]"
 * </pre>
 */
public final class ApiIngestBench {
  private static final int BATCH = 10_000;
  private static final int PHASES_PER_CUSTOMER = 7;

  private ApiIngestBench() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Files.createTempDirectory("upshift-api-bench-");
    Store store = null;
    UpshiftServer server = null;
    String url;
    String key;
    if (args.length > 3) {
      url = args[2];
      key = args[3];
    } else {
      store = Store.openDataDir(dir.resolve("data"));
      server = UpshiftServer.start(ServerConfig.defaults().withPort(0)
          .withWorkDir(dir.resolve("work")).withRequestLog(line -> { }), store);
      url = "http://127.0.0.1:" + server.port();
      key = store.createKey(store.createWorkspace("bench"), KeyScope.WRITE, "bench").secret();
    }
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 0; from < records; from += BATCH) {
      bodies.add(body(from, Math.min(records, from + BATCH)));
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    List<Future<Integer>> posted = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      posted.add(pool.submit(() -> {
        int created = 0;
        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
          HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/phases"))
              .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (reply.statusCode() != 200) {
            throw new IllegalStateException("batch " + i + ": " + reply.statusCode() + " "
                + reply.body().substring(0, Math.min(500, reply.body().length())));
          }
          created += Integer.parseInt(reply.body().replaceAll(".*\"created\":(\\d+).*", "$1"));
        }
        return created;
      }));
    }
    int created = 0;
    for (Future<Integer> f : posted) {
      created += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    pool.shutdown();
    System.out.printf(Locale.ROOT, "%,d phase records in %,d batches of %,d by %d clients:"
        + " %.1f s = %,.0f records/s (%,d created); this process used %.1f s of CPU%s%n", records,
        bodies.size(), BATCH, clients, seconds, records / seconds, created, cpu,
        server == null ? " (the client only)" : " (server and client)");
    if (server != null) {
      server.close();
      store.close();
    }
    delete(dir);
  }

  /** Records {@code from} (inclusive) to {@code to} as one JSON batch. */
  private static byte[] body(int from, int to) {
    StringBuilder json = new StringBuilder(to - from << 8).append("{\"records\":[");
    LocalDate base = LocalDate.of(2021, 1, 1);
    for (int i = from; i < to; i++) {
      int customer = i / PHASES_PER_CUSTOMER;
      int step = i % PHASES_PER_CUSTOMER;
      LocalDate start = base.plusDays(customer % 365).plusMonths(4L * step);
      json.append(i == from ? "" : ",")
          .append("{\"id\":\"p-").append(i)
          .append("\",\"customer_id\":\"CUST-").append(customer)
          .append("\",\"line_id\":\"L1\",\"product\":\"core\",\"plan\":\"")
          .append(step < 3 ? "Standard" : "Premium")
          .append("\",\"tier\":").append(step < 3 ? 1 : 2)
          .append(",\"seats\":").append(5 + step * 3 + customer % 40)
          .append(",\"arr\":").append(12_000 + (customer % 997) * 37 + step * 1_000).append('.')
          .append(customer % 100)
          .append(",\"currency\":\"USD\",\"start_date\":\"").append(start).append('"');
      if (step < PHASES_PER_CUSTOMER - 1) {
        json.append(",\"end_date\":\"").append(start.plusMonths(4)).append('"');
      }
      json.append(",\"status\":\"active\",\"kind\":\"recurring\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
