package dev.upshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8.5 on SQLite: a writer process killed with SIGKILL (no shutdown hook, no flush) never
 * loses a batch it acknowledged and never leaves part of a batch behind.
 */
class SqliteCrashTest {

  private static final int BATCH = 500;
  private static final int MAX_BATCHES = 2_000;

  @TempDir Path dataDir;

  /** The child process: ingests numbered batches and prints "acked N" after each returns. */
  public static final class Writer {
    public static void main(String[] args) {
      try (Store store = SqliteStore.open(Path.of(args[0]))) {
        Workspace workspace = store.findWorkspace("crash").orElseGet(() -> store.createWorkspace("crash"));
        for (int b = 0; b < MAX_BATCHES; b++) {
          List<DataRecord> batch = new ArrayList<>(BATCH);
          for (int i = 0; i < BATCH; i++) {
            batch.add(DataRecord.of("b" + b + "-" + i, Map.of("customer_id", "C" + i, "arr", "100")));
          }
          store.ingest(workspace, RecordKind.PHASES, batch, IngestMode.STRICT);
          System.out.println("acked " + b);
          System.out.flush();
        }
      }
    }
  }

  @Test
  void aKilledWriterKeepsEveryAcknowledgedBatch_andNoPartOfAnother() throws Exception {
    for (int killAfter : new int[] {3, 17}) {
      int acked = runAndKill(killAfter);

      try (Store store = SqliteStore.open(dataDir)) {
        Workspace workspace = store.findWorkspace("crash").orElseThrow();
        Map<Integer, Long> perBatch = store.read(workspace, snapshot -> {
          Map<Integer, Long> counts = new TreeMap<>();
          snapshot.forEach(RecordKind.PHASES, r -> counts.merge(batchOf(r.id()), 1L, Long::sum));
          return counts;
        });

        assertThat(perBatch.values()).as("every stored batch is whole").allMatch(n -> n == BATCH);
        assertThat(perBatch.keySet()).as("acknowledged batches are all there")
            .containsAll(IntStream.rangeClosed(0, acked).boxed().toList());
        // At most the batch in flight when the kill came may have committed unacknowledged.
        assertThat(perBatch.keySet()).hasSizeBetween(acked + 1, acked + 2);
        assertThat(store.dataVersion(workspace)).isEqualTo(perBatch.size());
      }
      // The next round starts from an empty directory; in the same database its batches would be retries.
      cleanDataDir();
    }
  }

  private static int batchOf(String id) {
    return Integer.parseInt(id.substring(1, id.indexOf('-')));
  }

  /** Runs the writer until it acknowledged batch {@code killAfter}, kills it, returns the last ack. */
  private int runAndKill(int killAfter) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Writer.class.getName(), dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    int acked = -1;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        acked = Integer.parseInt(line.substring("acked ".length()));
        if (acked >= killAfter) {
          writer.destroyForcibly(); // SIGKILL: the next batch is usually half written
          break;
        }
      }
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acked).as("the writer acknowledged batches before it was killed").isEqualTo(killAfter);
    return acked;
  }

  private void cleanDataDir() throws Exception {
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
