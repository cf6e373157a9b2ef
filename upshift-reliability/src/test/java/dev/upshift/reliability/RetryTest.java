package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8.5, "retries never duplicate": every batch is sent one to three times — as JSON or as
 * CSV, which must be the same records — in a shuffled order from concurrent clients; the stored
 * records and the reports are those of a server that got each batch once, in order. Corrections
 * ({@code mode=correct}) sent twice are then applied to both, with the same outcome.
 */
class RetryTest {
  private static final int PHASE_BATCHES = 30;
  private static final int CUSTOMERS_PER_BATCH = 25;
  private static final int CLIENTS = 8;
  /** Report options compared, as query and as flags. */
  private static final String[][] REPORTS = {{"", ""},
      {"grain=quarter&by=channel,region&analysis=true", "--grain quarter --by channel,region --analysis"}};

  @Test
  void sqlite(@TempDir Path dir) {
    run(Backend.sqlite(dir.resolve("retried")), Backend.sqlite(dir.resolve("once")), dir);
  }

  @Test
  @Tag("postgres")
  void postgres(@TempDir Path dir) {
    try (Backend retried = Backend.postgres(); Backend once = Backend.postgres()) {
      run(retried, once, dir);
    }
  }

  private void run(Backend retriedBackend, Backend onceBackend, Path dir) {
    long seed = Long.getLong("upshift.reliability.seed", System.nanoTime());
    System.out.printf(Locale.ROOT, "RetryTest[%s]: seed %d%n", retriedBackend.name(), seed);
    Random random = new Random(seed);
    List<Workload.Batch> batches = new ArrayList<>(List.of(Workload.plans()));
    for (int b = 0; b < PHASE_BATCHES; b++) {
      batches.add(Workload.phases("b" + b, CUSTOMERS_PER_BATCH, random));
      batches.add(Workload.customers("b" + b, CUSTOMERS_PER_BATCH, random));
    }
    long records = batches.stream().mapToLong(b -> b.records().size()).sum();

    try (LocalServer retried = new LocalServer(retriedBackend, dir.resolve("work-retried"));
        LocalServer once = new LocalServer(onceBackend, dir.resolve("work-once"))) {
      String retriedKey = retried.workspace("retried");
      String onceKey = once.workspace("once");
      for (Workload.Batch batch : batches) {
        Client.Reply reply = once.client.postJson(batch.path(), onceKey, batch.json());
        assertThat(reply.status()).as("%s: %s", batch.name(), reply).isEqualTo(200);
      }

      // Each batch one to three times, each time as JSON or CSV, all shuffled.
      List<Send> sends = new ArrayList<>();
      for (Workload.Batch batch : batches) {
        for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
          sends.add(new Send(batch, random.nextBoolean(), ""));
        }
      }
      Collections.shuffle(sends, random);
      Outcome outcome = sendConcurrently(retried.client, retriedKey, sends);
      System.out.printf(Locale.ROOT, "RetryTest[%s]: %d batches (%d records) sent %d times (%d records) by %d"
              + " clients: %d created, %d unchanged%n", retriedBackend.name(), batches.size(),
          records, sends.size(), outcome.sentRecords.get(), CLIENTS, outcome.created.get(),
          outcome.unchanged.get());
      assertThat(outcome.failures).isEmpty();
      assertThat(outcome.created.get()).as("records created").isEqualTo(records);
      assertThat(outcome.unchanged.get()).isEqualTo(outcome.sentRecords.get() - records);
      assertSameData(retried, retriedKey, once, onceKey, dir);

      // Corrections of a few phase batches, each sent twice (the second changes nothing).
      List<Send> corrections = new ArrayList<>();
      for (Workload.Batch batch : batches.subList(1, 11)) {
        if (batch.kind().equals("phases")) {
          Workload.Batch corrected = batch.with("arr", r -> r.get("arr") + "1");
          corrections.add(new Send(corrected, random.nextBoolean(), "?mode=correct"));
          corrections.add(new Send(corrected, random.nextBoolean(), "?mode=correct"));
          Client.Reply reply = once.client.postJson(corrected.path() + "?mode=correct", onceKey,
              corrected.json());
          assertThat(reply.status()).as("%s: %s", batch.name(), reply).isEqualTo(200);
        }
      }
      Collections.shuffle(corrections, random);
      Outcome corrected = sendConcurrently(retried.client, retriedKey, corrections);
      assertThat(corrected.failures).isEmpty();
      assertThat(corrected.corrected.get()).isEqualTo(corrected.sentRecords.get() / 2);
      assertSameData(retried, retriedKey, once, onceKey, dir);
    }
  }

  /** One sending of a batch. */
  private record Send(Workload.Batch batch, boolean csv, String query) {
    Client.Reply send(Client client, String key) {
      return csv
          ? client.post(batch.path() + query, key, "text/csv",
              batch.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          : client.postJson(batch.path() + query, key, batch.json());
    }
  }

  /** What the replies said. */
  private static final class Outcome {
    final AtomicLong created = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong corrected = new AtomicLong();
    final AtomicLong sentRecords = new AtomicLong();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  }

  private static Outcome sendConcurrently(Client client, String key, List<Send> sends) {
    Outcome outcome = new Outcome();
    ConcurrentLinkedQueue<Send> queue = new ConcurrentLinkedQueue<>(sends);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int t = 0; t < CLIENTS; t++) {
      clients.execute(() -> {
        for (Send send = queue.poll(); send != null; send = queue.poll()) {
          Client.Reply reply = send.send(client, key);
          outcome.sentRecords.addAndGet(send.batch().records().size());
          if (reply.status() != 200) {
            outcome.failures.add(send.batch().name() + (send.csv() ? " (csv)" : "") + ": " + reply);
            continue;
          }
          outcome.created.addAndGet(reply.json().get("created").asLong());
          outcome.unchanged.addAndGet(reply.json().get("unchanged").asLong());
          outcome.corrected.addAndGet(reply.json().get("corrected").asLong());
        }
      });
    }
    Threads.awaitAll(clients, 300);
    return outcome;
  }

  /** The same records, the same reports (but for dataVersion), and a fresh report. */
  private static void assertSameData(LocalServer retried, String retriedKey, LocalServer once,
      String onceKey, Path dir) {
    assertThat(Stored.read(retried.client, retriedKey)).isEqualTo(Stored.read(once.client, onceKey));
    for (String[] options : REPORTS) {
      String query = "/v1/report" + (options[0].isEmpty() ? "" : "?" + options[0]);
      assertThat(FreshReport.withoutDataVersion(retried.client.get(query, retriedKey)))
          .isEqualTo(FreshReport.withoutDataVersion(once.client.get(query, onceKey)));
      FreshReport.assertServedReportIsFresh(retried.client, retriedKey, dir.resolve("fresh"),
          options[0], options[1]);
    }
  }

}
