package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SPEC §8.5, "ingestion and reports keep working under concurrent clients": {@value #CLIENTS}
 * clients against {@code upshift serve} (a child process) for {@code
 * -Dupshift.reliability.loadSeconds} seconds (60 by default, what CI runs), each mixing batches of
 * phases (100 to 1,000 records) and of customers with reports, ledgers, listings and
 * explanations. No reply is a 5xx; afterwards every acknowledged record is stored and the report
 * is a fresh computation. Throughput and latencies are printed.
 */
class LoadTest extends OnBothStores {
  static final int CLIENTS = 32;
  private static final int SECONDS = Integer.getInteger("upshift.reliability.loadSeconds", 60);
  /** The first few 4xx replies to reads, printed with the figures. */
  private static final ConcurrentLinkedQueue<String> REFUSED = new ConcurrentLinkedQueue<>();
  private static final String[] REPORTS = {"", "grain=quarter", "by=region,channel",
      "grain=quarter&book=contracted&by=channel", "analysis=true"};

  /** The kinds of request, for the latencies. */
  enum Type { INGEST_PHASES, INGEST_CUSTOMERS, REPORT, LEDGER, LIST, EXPLAIN }

  @Override
  void run(Backend backend, Path dir) {
    long seed = Long.getLong("upshift.reliability.seed", System.nanoTime());
    System.out.printf("LoadTest[%s]: seed %d, %d clients for %d s%n", backend.name(), seed,
        CLIENTS, SECONDS);
    String key;
    try (Store store = backend.open()) {
      key = store.createKey(store.createWorkspace("load"), KeyScope.WRITE, "load").secret();
    }
    Map<Type, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    for (Type type : Type.values()) {
      latencies.put(type, new ConcurrentLinkedQueue<>());
    }
    ConcurrentLinkedQueue<Workload.Batch> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    AtomicLong records = new AtomicLong();
    String loadBefore = loadAverage();
    double seconds;
    try (ChildServer child = ChildServer.start(backend, dir.resolve("child"), List.of("-Xmx3g"))) {
      Client client = child.client;
      Workload.Batch first = Workload.phases("seed", 50, new Random(seed));
      assertThat(client.postJson(first.path(), key, first.json()).status()).isEqualTo(200);
      acknowledged.add(first);
      Workload.Batch customers = Workload.customers("seed", 50, new Random(seed));
      assertThat(client.postJson(customers.path(), key, customers.json()).status()).isEqualTo(200);
      acknowledged.add(customers);
      long start = System.nanoTime();
      long end = start + SECONDS * 1_000_000_000L;
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int t = 0; t < CLIENTS; t++) {
        int thread = t;
        clients.execute(() -> {
          Random random = new Random(seed + 1 + thread);
          // Bounded in time (the deadline) and in count.
          for (int n = 0; n < 100_000 && System.nanoTime() < end && failures.size() < 20; n++) {
            try {
              request(client, key, "t" + thread + "n" + n, random, latencies, acknowledged,
                  statuses, records, failures);
            } catch (UncheckedIOException e) {
              failures.add("t" + thread + "n" + n + ": " + e);
            }
          }
        });
      }
      Threads.awaitAll(clients, SECONDS + 300L);
      seconds = (System.nanoTime() - start) / 1e9;
      String loadAfter = loadAverage();
      print(backend, seconds, latencies, acknowledged, records.get(), statuses, loadBefore, loadAfter);
      assertThat(failures).as("failures (5xx, cut connections); the server's errors:%n%s",
          child.errors()).isEmpty();

      Stored stored = FreshReport.assertServedReportIsFresh(client, key, dir.resolve("fresh"),
          "grain=quarter&by=region", "--grain quarter --by region");
      long expected = 0;
      for (Workload.Batch batch : acknowledged) {
        Map<String, Map<String, String>> ofKind = stored.of(batch.kind());
        for (Map<String, String> record : batch.records()) {
          assertThat(ofKind.get(record.get("id"))).as("acknowledged %s", record.get("id"))
              .isEqualTo(record);
        }
        expected += batch.records().size();
      }
      assertThat(stored.size()).isEqualTo(expected);
      System.out.printf("LoadTest[%s]: all %d acknowledged records stored, report = fresh"
          + " computation%n", backend.name(), expected);
    }
  }

  private static void request(Client client, String key, String name, Random random,
      Map<Type, ConcurrentLinkedQueue<Long>> latencies, ConcurrentLinkedQueue<Workload.Batch> acknowledged,
      Map<Integer, AtomicLong> statuses, AtomicLong records, ConcurrentLinkedQueue<String> failures) {
    int dice = random.nextInt(100);
    Type type;
    Client.Reply reply;
    Workload.Batch batch = null;
    if (dice < 45) {
      type = Type.INGEST_PHASES;
      batch = Workload.phases(name, 50 + random.nextInt(450), random);
    } else if (dice < 55) {
      type = Type.INGEST_CUSTOMERS;
      batch = Workload.customers(name, 100 + random.nextInt(900), random);
    } else {
      type = dice < 75 ? Type.REPORT : dice < 85 ? Type.LEDGER : dice < 93 ? Type.LIST : Type.EXPLAIN;
    }
    String path = switch (type) {
      case INGEST_PHASES, INGEST_CUSTOMERS -> batch.path();
      case REPORT -> "/v1/report?" + REPORTS[random.nextInt(REPORTS.length)];
      case LEDGER -> "/v1/ledger?period=2025-0" + (1 + random.nextInt(9))
          + (random.nextBoolean() ? "&component=upsell" : "&limit=1000");
      case LIST -> "/v1/" + (random.nextBoolean() ? "phases" : "customers") + "?limit=1000";
      case EXPLAIN -> "/v1/customers/seed-c" + random.nextInt(50) + "/explain";
    };
    reply = batch != null ? client.postJson(path, key, batch.json()) : client.get(path, key);
    latencies.get(type).add(reply.nanos());
    statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
    if (reply.status() >= 400 && reply.status() < 500 && batch == null && REFUSED.size() < 5) {
      REFUSED.add(path + ": " + reply); // shown with the figures
    }
    if (reply.status() >= 500 || (batch != null && reply.status() != 200)) {
      failures.add(type + " " + path + ": " + reply);
    } else if (batch != null) {
      acknowledged.add(batch);
      records.addAndGet(batch.records().size());
    }
  }

  private static void print(Backend backend, double seconds, Map<Type, ConcurrentLinkedQueue<Long>> latencies,
      ConcurrentLinkedQueue<Workload.Batch> acknowledged, long records, Map<Integer, AtomicLong> statuses,
      String loadBefore, String loadAfter) {
    long requests = latencies.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    long batches = latencies.get(Type.INGEST_PHASES).size() + latencies.get(Type.INGEST_CUSTOMERS).size();
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "LoadTest[%s]: %d requests in %.1f s by %d"
            + " clients, statuses %s; written %d records in %d batches: %.0f records/s, %.1f"
            + " batches/s; load average %s before, %s after; latencies (ms, p50 / p99 / max):",
        backend.name(), requests, seconds, CLIENTS, new TreeMap<>(statuses), records, batches,
        records / seconds, batches / seconds, loadBefore, loadAfter));
    for (Type type : Type.values()) {
      List<Long> sorted = new ArrayList<>(latencies.get(type));
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        continue;
      }
      text.append(String.format(Locale.ROOT, " %s %d: %.0f / %.0f / %.0f;", type.name().toLowerCase(Locale.ROOT),
          sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6));
    }
    System.out.println(text);
    REFUSED.forEach(refused -> System.out.println("  refused: " + refused));
    REFUSED.clear();
  }

  /** The nearest-rank percentile, in milliseconds. */
  private static double percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
