package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SPEC §8.5, "a crash (kill -9) at any moment never loses a record whose batch was acknowledged
 * and never keeps part of a batch": {@code upshift serve} runs as a child process while client
 * threads post batches of phases and customers; it is killed with SIGKILL at a random moment
 * (after the round's first acknowledgement), {@value #ROUNDS} times. After each restart every
 * acknowledged batch is stored whole, every other batch whole or not at all, nothing else is
 * stored, and the served report is a fresh computation over the stored records.
 */
class CrashTest extends OnBothStores {
  static final int ROUNDS = 20;
  private static final int CLIENTS = 4;
  /** Customers per phases batch (one to three phases each). */
  private static final int CUSTOMERS_PER_BATCH = 20;

  /** A batch's fate as the client saw it. */
  private record Sent(Workload.Batch batch, boolean acknowledged) {}

  @Override
  void run(Backend backend, Path dir) {
    long seed = Long.getLong("upshift.reliability.seed", System.nanoTime());
    System.out.printf(Locale.ROOT, "CrashTest[%s]: seed %d (-Dupshift.reliability.seed=%d repeats it)%n",
        backend.name(), seed, seed);
    Random random = new Random(seed);
    String key;
    try (Store store = backend.open()) {
      key = store.createKey(store.createWorkspace("crash"), KeyScope.WRITE, "crash").secret();
    }
    Figures figures = new Figures();
    List<Sent> undecided = new ArrayList<>(); // sent, not acknowledged, not yet seen stored or not
    Map<String, Workload.Batch> committed = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    for (int round = 0; round <= ROUNDS; round++) {
      long starting = System.nanoTime();
      try (ChildServer child = ChildServer.start(backend, dir.resolve("child"),
          // Started 21 times for short lives: the quick compiler starts fastest.
          List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))) {
        long verifying = System.nanoTime();
        figures.startSeconds += (verifying - starting) / 1e9;
        verify(child.client, key, dir, committed, undecided, figures, round);
        figures.verifySeconds += (System.nanoTime() - verifying) / 1e9;
        if (round == ROUNDS) {
          break;
        }
        List<Sent> sent = ingestAndKill(child, key, round, random.nextLong(),
            100 + random.nextInt(900), figures);
        for (Sent batch : sent) {
          if (batch.acknowledged()) {
            committed.put(batch.batch().name(), batch.batch());
          } else {
            undecided.add(batch);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "CrashTest[%s]: %d kills (SIGKILL, exit 137) survived in %.0f s; %d batches"
            + " sent, %d acknowledged (%d records), %d cut off by the kill (%d of them committed"
            + " anyway, none partly); %d acknowledged records checked after restarts; %d records"
            + " stored at the end; %d reports equal to a fresh computation%n",
        backend.name(), figures.kills, (System.nanoTime() - started) / 1e9, figures.sent,
        figures.acknowledged, figures.acknowledgedRecords, figures.cutOff,
        figures.cutOffButCommitted, figures.checkedRecords, figures.storedAtEnd, figures.reports);
    System.out.printf(Locale.ROOT, "CrashTest[%s]: %.0f s starting servers, %.0f s checking%n",
        backend.name(), figures.startSeconds, figures.verifySeconds);
    assertThat(figures.kills).isEqualTo(ROUNDS);
    assertThat(figures.acknowledged).isGreaterThanOrEqualTo(ROUNDS);
  }

  /** Counts for the note. */
  private static final class Figures {
    int kills;
    int sent;
    int acknowledged;
    long acknowledgedRecords;
    int cutOff;
    int cutOffButCommitted;
    long checkedRecords;
    long storedAtEnd;
    int reports;
    double startSeconds;
    double verifySeconds;
  }

  /**
   * Client threads post batches until the server dies; it is killed {@code delayMillis} after the
   * first batch of the round is acknowledged.
   */
  private static List<Sent> ingestAndKill(ChildServer child, String key, int round, long seed,
      int delayMillis, Figures figures) {
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch firstAcknowledged = new CountDownLatch(1);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int t = 0; t < CLIENTS; t++) {
        int thread = t;
        clients.execute(() -> {
          Random random = new Random(seed + thread);
          // Bounded: a round's server is killed within seconds; 2,000 batches is far beyond it.
          for (int n = 0; n < 2_000 && !killed.get(); n++) {
            String name = "r" + round + "t" + thread + "b" + n;
            List<Workload.Batch> batches = new ArrayList<>();
            if (round == 0 && thread == 0 && n == 0) {
              batches.add(Workload.plans());
            }
            batches.add(Workload.phases(name, CUSTOMERS_PER_BATCH, random));
            batches.add(Workload.customers(name, CUSTOMERS_PER_BATCH, random));
            for (Workload.Batch batch : batches) {
              Client.Reply reply;
              try {
                reply = child.client.postJson(batch.path(), key, batch.json());
              } catch (UncheckedIOException e) {
                sent.add(new Sent(batch, false)); // cut off: stored whole or not at all
                if (!killed.get()) {
                  failures.add(batch.name() + ": " + e);
                }
                return;
              }
              sent.add(new Sent(batch, reply.status() == 200));
              if (reply.status() != 200) {
                failures.add(batch.name() + ": " + reply);
                return;
              }
              firstAcknowledged.countDown();
            }
          }
        });
      }
      if (!firstAcknowledged.await(120, TimeUnit.SECONDS)) {
        failures.add("no batch was acknowledged within 120 s");
      }
      Thread.sleep(delayMillis);
      killed.set(true);
      int exit = child.kill();
      assertThat(exit).as("the exit status of a process killed by SIGKILL").isEqualTo(128 + 9);
      figures.kills++;
      Threads.awaitAll(clients, 120);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      clients.shutdownNow();
    }
    assertThat(failures).as("failures before the kill").isEmpty();
    for (Sent batch : sent) {
      figures.sent++;
      if (batch.acknowledged()) {
        figures.acknowledged++;
        figures.acknowledgedRecords += batch.batch().records().size();
      } else {
        figures.cutOff++;
      }
    }
    return List.copyOf(sent);
  }

  /**
   * After a restart: acknowledged batches whole, cut-off ones whole or absent (and from now on
   * known as one or the other), nothing else, and a fresh report.
   */
  private static void verify(Client client, String key, Path dir,
      Map<String, Workload.Batch> committed, List<Sent> undecided, Figures figures, int round) {
    Stored stored = Stored.read(client, key);
    long expected = 0;
    for (Workload.Batch batch : committed.values()) {
      assertThat(present(batch, stored)).as("acknowledged batch %s after kill %d", batch.name(), round)
          .isEqualTo(batch.records().size());
      figures.checkedRecords += batch.records().size();
      expected += batch.records().size();
    }
    for (Sent cut : undecided) {
      Workload.Batch batch = cut.batch();
      int present = present(batch, stored);
      assertThat(present).as("records of cut-off batch %s stored after kill %d", batch.name(), round)
          .isIn(0, batch.records().size());
      if (present > 0) {
        committed.put(batch.name(), batch);
        figures.cutOffButCommitted++;
        expected += present;
      }
    }
    undecided.clear();
    assertThat(stored.size()).as("records stored that no batch sent").isEqualTo(expected);
    figures.storedAtEnd = stored.size();
    if (stored.of("phases").isEmpty()) {
      return; // before the first batch: no report range yet
    }
    boolean segments = !stored.of("customers").isEmpty();
    FreshReport.assertServedReportIsFresh(client, key, dir.resolve("fresh"),
        segments && round % 2 == 1 ? "grain=quarter&by=region,channel" : "",
        segments && round % 2 == 1 ? "--grain quarter --by region,channel" : "");
    figures.reports++;
  }

  /** How many of the batch's records are stored exactly as sent. */
  private static int present(Workload.Batch batch, Stored stored) {
    Map<String, Map<String, String>> ofKind = stored.of(batch.kind());
    int present = 0;
    for (Map<String, String> record : batch.records()) {
      Map<String, String> found = ofKind.get(record.get("id"));
      if (found != null) {
        assertThat(found).as("stored record %s", record.get("id")).isEqualTo(record);
        present++;
      }
    }
    return present;
  }
}
