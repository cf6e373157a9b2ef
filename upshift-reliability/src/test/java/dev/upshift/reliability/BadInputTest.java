package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * SPEC §8.5, "bad input never crashes the server or corrupts stored data": seeded fuzzed bodies
 * for every record kind ({@link Fuzz}), bad query parameters on every reading endpoint, and 100 MB
 * bodies, declared and streamed, against a server with the default 64 MiB limit. Every reply is a
 * 4xx with the JSON error body; afterwards the server still answers, the stored records and the
 * report are what they were, and a valid batch is stored.
 */
class BadInputTest extends OnBothStores {
  /** How many fuzzed bodies (a dev run may ask for fewer or more). */
  private static final int BODIES = Integer.getInteger("upshift.reliability.fuzzBodies", 1_500);
  /** The fuzzing stops early past this, whatever the count (a loaded machine). */
  private static final long MAX_SECONDS = 180;
  private static final long HUNDRED_MB = 100L << 20;

  @Override
  void run(Backend backend, Path dir) {
    long seed = Long.getLong("upshift.reliability.seed", System.nanoTime());
    System.out.printf(Locale.ROOT, "BadInputTest[%s]: seed %d%n", backend.name(), seed);
    Random random = new Random(seed);
    try (LocalServer server = new LocalServer(backend, dir.resolve("work"))) {
      Client client = server.client;
      String key = server.workspace("fuzz");
      store(client, key, Workload.plans());
      for (int b = 0; b < 3; b++) {
        store(client, key, Workload.phases("v" + b, 30, random));
        store(client, key, Workload.customers("v" + b, 30, random));
      }
      Stored before = Stored.read(client, key);
      String report = FreshReport.withoutDataVersion(client.get("/v1/report?by=region", key));
      String version = client.get("/v1/report", key).header("Upshift-Data-Version");

      Map<Integer, Integer> statuses = new TreeMap<>();
      Map<String, Integer> kinds = new TreeMap<>();
      Fuzz fuzz = new Fuzz(random.nextLong());
      long bytes = 0;
      int sent = 0;
      long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
      for (; sent < BODIES && System.nanoTime() < deadline; sent++) {
        Fuzz.Body body = fuzz.next();
        Client.Reply reply;
        try {
          reply = client.post("/v1/" + body.kind(), key, body.contentType(), body.bytes());
        } catch (UncheckedIOException e) {
          throw new AssertionError("no reply to " + body, e);
        }
        assertClientError(reply, body.toString());
        statuses.merge(reply.status(), 1, Integer::sum);
        kinds.merge(body.what(), 1, Integer::sum);
        bytes += body.bytes().length;
        if (sent % 100 == 0) {
          assertThat(client.get("/healthz", null).status()).as("after %d bodies", sent).isEqualTo(200);
        }
      }
      int queries = badQueries(client, key, statuses);
      long started = System.nanoTime();
      assertClientError(client.post("/v1/phases", key, "application/json",
          HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
              () -> hundredMegabytes()), HUNDRED_MB)), "100 MB declared");
      double declaredSeconds = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      String streamed;
      try {
        Client.Reply reply = client.post("/v1/phases", key, "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> hundredMegabytes()));
        assertClientError(reply, "100 MB streamed");
        streamed = Integer.toString(reply.status());
      } catch (UncheckedIOException e) {
        // The server may answer 413 and close the connection while the client is still sending.
        streamed = "connection closed (" + e.getCause().getClass().getSimpleName() + ")";
      }
      double streamedSeconds = (System.nanoTime() - started) / 1e9;

      System.out.printf(Locale.ROOT, "BadInputTest[%s]: %d fuzzed bodies (%.1f MB in all) and %d bad queries,"
              + " statuses %s; 100 MB declared: 413 in %.2f s; 100 MB streamed: %s in %.2f s;"
              + " bodies by what was wrong: %s%n", backend.name(), sent, bytes / 1e6, queries,
          statuses, declaredSeconds, streamed, streamedSeconds, kinds);
      assertThat(sent).isGreaterThanOrEqualTo(Math.min(BODIES, 200));
      assertThat(client.get("/healthz", null).status()).isEqualTo(200);
      assertThat(Stored.read(client, key)).isEqualTo(before);
      assertThat(FreshReport.withoutDataVersion(client.get("/v1/report?by=region", key))).isEqualTo(report);
      assertThat(client.get("/v1/report", key).header("Upshift-Data-Version")).isEqualTo(version);
      store(client, key, Workload.phases("after", 5, random));
      FreshReport.assertServedReportIsFresh(client, key, dir.resolve("fresh"), "by=region", "--by region");
    }
  }

  private static void store(Client client, String key, Workload.Batch batch) {
    Client.Reply reply = client.postJson(batch.path(), key, batch.json());
    assertThat(reply.status()).as("%s: %s", batch.name(), reply).isEqualTo(200);
  }

  /** A 4xx whose body is the error of SPEC §8.4. */
  private static void assertClientError(Client.Reply reply, String what) {
    assertThat(reply.status()).as("%s: %s", what, reply).isBetween(400, 499);
    assertThat(reply.header("Content-Type")).as("%s: %s", what, reply).startsWith("application/json");
    JsonNode error = reply.json().get("error");
    assertThat(error).as("%s: %s", what, reply).isNotNull();
    assertThat(error.path("code").asText()).as("%s: %s", what, reply).isNotBlank();
    assertThat(error.path("message").isTextual()).as("%s: %s", what, reply).isTrue();
  }

  /** Query parameters the reading endpoints refuse; returns how many were sent. */
  private static int badQueries(Client client, String key, Map<Integer, Integer> statuses) {
    List<String> paths = List.of("/v1/report?grain=decade", "/v1/report?from=2025-13",
        "/v1/report?from=2026-01&to=2025-01", "/v1/report?by=nope", "/v1/report?where=region",
        "/v1/report?where=%3D", "/v1/report?grain=month&grain=quarter", "/v1/report?format=pdf",
        "/v1/report?minExpansionArr=1e400", "/v1/report?minTenureMonths=99999999999999999999",
        "/v1/report?fiscalYearStart=13", "/v1/report?currency=%00", "/v1/report?unknown=1",
        "/v1/report?rateWindow=onboarding:-1", "/v1/report?tenureBuckets=" + "9,".repeat(2_000),
        "/v1/report?by=" + "nope,".repeat(500) + "nope", "/v1/report?analysis=maybe",
        "/v1/ledger", "/v1/ledger?period=2025-13", "/v1/ledger?period=2025-01&component=everything",
        "/v1/ledger?period=2025-01&limit=0", "/v1/ledger?period=2025-01&after=%00",
        "/v1/phases?limit=-1", "/v1/phases?limit=99999999999999999999", "/v1/phases?limit=1e3",
        "/v1/phases?after=" + "a".repeat(300), "/v1/phases?after=", "/v1/phases?mode=x",
        "/v1/nokind", "/v1/nokind/x", "/v1/customers/%00/explain",
        "/v1/customers/" + "x".repeat(300) + "/explain", "/v1/customers/nobody/explain?from=x",
        "/v1/phases/" + "y".repeat(300), "/v1/keys/%2e%2e", "/v1/report?from=%25ZZ");
    for (String path : paths) {
      Client.Reply reply = client.get(path, key);
      assertClientError(reply, "GET " + path);
      statuses.merge(reply.status(), 1, Integer::sum);
    }
    return paths.size();
  }

  /** {@code {"records": [} and then spaces, 100 MB in all, made as it is read. */
  private static InputStream hundredMegabytes() {
    byte[] start = "{\"records\": [".getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        if (position >= HUNDRED_MB) {
          return -1;
        }
        return position < start.length ? start[(int) position++] : ' ' + 0 * (int) position++;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (position >= HUNDRED_MB) {
          return -1;
        }
        int n = (int) Math.min(length, HUNDRED_MB - position);
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = position < start.length ? start[(int) position] : (byte) ' ';
          position++;
        }
        return n;
      }
    };
  }
}
