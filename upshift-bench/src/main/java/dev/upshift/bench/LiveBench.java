package dev.upshift.bench;

import dev.upshift.server.ServerConfig;
import dev.upshift.server.UpshiftServer;
import dev.upshift.server.ingest.Importer;
import dev.upshift.store.IngestMode;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue #11's measurement: how long after a batch that changes one customer a report that includes
 * it arrives, at a million customers. Starts a server in this JVM on an embedded store, imports the
 * data folder's subscriptions (with its plans and rates) into a workspace unless the data directory
 * holds one already, then:
 *
 * <ol>
 *   <li>asks for one report configuration: the first request loads the workspace (load time) and
 *       computes it; a second configuration is then timed alone (a cold report on loaded data);
 *   <li>{@code UPDATES} times: posts a new phase of a random existing customer and asks for the
 *       report, checking that its data version is the batch's and that its figures moved; prints
 *       the median and 99th percentile of send → report received;
 *   <li>with ten configurations kept current (each update brings all ten up to date), the same
 *       with one of them asked for, against the figures with one kept; then asking for all ten;
 *   <li>the resident memory of this JVM (server and client; {@code VmRSS} of /proc/self/status).
 * </ol>
 *
 * <pre>
 * java -Xmx3g -cp upshift-bench/target/upshift-bench.jar dev.upshift.bench.LiveBench \
 *     --data /tmp/upshift-bench/1000000x36-seed42 --store /tmp/live-store [--updates 200]
 * </pre>
 *
 * {@code --store} keeps the imported store for the next run (the import takes about a minute).
 */
public final class LiveBench {
  private static final String[] CONFIGURATIONS = {
      "grain=month", "grain=quarter", "grain=year", "grain=month&book=contracted",
      "grain=quarter&book=contracted", "grain=month&rateCounting=any", "grain=month&by=tenure",
      "grain=quarter&by=initial_arr", "grain=month&excludeTopTier=true",
      "grain=month&upsellDefinition=tier,seats"};

  private LiveBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    Path storeDir = null;
    int updates = 200;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[i + 1]);
        case "--store" -> storeDir = Path.of(args[i + 1]);
        case "--updates" -> updates = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (data == null || storeDir == null) {
      throw new IllegalArgumentException("give --data FOLDER and --store DIR");
    }
    Files.createDirectories(storeDir);
    try (Store store = Store.openDataDir(storeDir.resolve("data"))) {
      Workspace workspace = store.findWorkspace("bench").orElse(null);
      if (workspace == null) {
        workspace = store.createWorkspace("bench");
        long start = System.nanoTime();
        new Importer(store, Importer.DEFAULT_BATCH, line -> { })
            .run(workspace, subscriptionsOnly(data, storeDir), IngestMode.STRICT);
        System.out.printf(Locale.ROOT, "import: %.1f s%n", seconds(start));
      }
      String key = store.createKey(workspace, KeyScope.ADMIN, "bench").secret();
      List<String> customers = customers(data.resolve("subscriptions.csv"));
      try (UpshiftServer server = UpshiftServer.start(ServerConfig.defaults().withPort(0)
          .withWorkDir(storeDir.resolve("work")).withRequestLog(line -> { })
          .withRateLimit(1_000_000, 1_000_000), store)) {
        Client client = new Client("http://127.0.0.1:" + server.port(), key);
        run(client, customers, updates);
      }
    }
  }

  private static void run(Client client, List<String> customers, int updates) throws Exception {
    long start = System.nanoTime();
    client.report(CONFIGURATIONS[0]);
    System.out.printf(Locale.ROOT, "first request (load + report): %.1f s%n", seconds(start));
    start = System.nanoTime();
    client.report(CONFIGURATIONS[1]);
    System.out.printf(Locale.ROOT, "cold report, another configuration, data loaded: %.2f s%n",
        seconds(start));
    Random random = new Random(42);
    int[] serial = {0};
    double[] one = measure(client, customers, random, serial, updates, 1);
    print("1 configuration", one);
    System.out.println("VmRSS of this JVM (server and client): " + rss());
    for (String configuration : CONFIGURATIONS) {
      client.report(configuration);
    }
    double[] ten = measure(client, customers, random, serial, updates, 1);
    print("10 configurations kept current, one asked for", ten);
    System.out.printf(Locale.ROOT, "ratio 10 kept : 1 kept at the median: %.2f, at p99: %.2f%n",
        percentile(ten, 50) / percentile(one, 50), percentile(ten, 99) / percentile(one, 99));
    double[] all = measure(client, customers, random, serial, updates, CONFIGURATIONS.length);
    print("10 configurations kept current, all ten asked for", all);
    System.out.println("VmRSS of this JVM (server and client): " + rss());
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** Milliseconds from sending each batch to receiving every configuration's report after it. */
  private static double[] measure(Client client, List<String> customers, Random random,
      int[] serial, int updates, int configurations) throws Exception {
    double[] millis = new double[updates];
    String previous = client.report(CONFIGURATIONS[0]).body();
    for (int u = 0; u < updates; u++) {
      String customer = customers.get(random.nextInt(customers.size()));
      // Ids and lines new in every run: a rerun on the same store adds, never overlaps.
      String unique = (serial[0]++) + "-" + System.currentTimeMillis();
      String batch = "{\"records\": [{\"id\": \"live-" + unique
          + "\", \"customer_id\": \"" + customer + "\", \"line_id\": \"live-line-" + unique
          + "\", \"product\": \"platform\", \"plan\": \"Starter\", \"seats\": "
          + (1 + random.nextInt(50)) + ", \"arr\": " + (1000 + random.nextInt(90_000))
          + ", \"start_date\": \"2025-06-01\"}]}";
      long start = System.nanoTime();
      HttpResponse<String> posted = client.post("/v1/phases", batch);
      long version = Long.parseLong(posted.body().replaceAll(".*\"dataVersion\":(\\d+).*", "$1"));
      HttpResponse<String> report = null;
      for (int c = 0; c < configurations; c++) {
        report = client.report(CONFIGURATIONS[c]);
        long seen = Long.parseLong(report.headers().firstValue("Upshift-Data-Version")
            .orElseThrow());
        if (seen < version) {
          throw new IllegalStateException("report at " + seen + " after batch at " + version);
        }
      }
      millis[u] = (System.nanoTime() - start) / 1e6;
      String body = client.report(CONFIGURATIONS[0]).body();
      if (body.equals(previous)) {
        throw new IllegalStateException("the report did not move after update " + u);
      }
      previous = body;
    }
    return millis;
  }

  private static void print(String what, double[] millis) {
    System.out.printf(Locale.ROOT, "%s: %d updates, median %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what, millis.length, percentile(millis, 50), percentile(millis, 99),
        Arrays.stream(millis).max().orElse(0));
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String rss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return line.substring("VmRSS:".length()).strip();
      }
    }
    return "unknown";
  }

  /** A folder of links to the data's subscriptions, plans and rates (the others stay out). */
  private static Path subscriptionsOnly(Path data, Path storeDir) throws IOException {
    Path folder = storeDir.resolve("import");
    Files.createDirectories(folder);
    for (String file : List.of("subscriptions.csv", "plans.csv", "fx.csv")) {
      Path link = folder.resolve(file);
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, data.resolve(file).toAbsolutePath());
    }
    return folder;
  }

  /** The distinct customer ids of a subscriptions file (its first column). */
  private static List<String> customers(Path subscriptions) throws IOException {
    List<String> ids = new ArrayList<>();
    try (var lines = Files.lines(subscriptions)) {
      lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).forEach(id -> {
        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
          ids.add(id);
        }
      });
    }
    return ids;
  }

  /** A client of one server and key. */
  private record Client(String url, String key, HttpClient http) {
    Client(String url, String key) {
      this(url, key, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    HttpResponse<String> report(String query) throws IOException, InterruptedException {
      HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(url + "/v1/report?"
          + query)).GET());
      if (reply.statusCode() != 200) {
        throw new IllegalStateException("report " + query + ": " + reply.statusCode() + " "
            + reply.body());
      }
      return reply;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
      HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(url + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)));
      if (reply.statusCode() != 200) {
        throw new IllegalStateException("post: " + reply.statusCode() + " " + reply.body());
      }
      return reply;
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return http.send(request.header("Authorization", "Bearer " + key)
          .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
