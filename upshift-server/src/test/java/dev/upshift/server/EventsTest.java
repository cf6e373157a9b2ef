package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.KeyScope;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/events}: the server-sent events of new data versions, read line by line. */
class EventsTest {
  /** Long enough for a loaded machine; the waits end as soon as the line arrives. */
  private static final long WAIT_SECONDS = 30;

  @TempDir Path dir;

  /** An open stream: its lines as they arrive, and the response's status and headers. */
  private static final class EventStream implements AutoCloseable {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final HttpResponse<Stream<String>> response;
    final CompletableFuture<Void> reading;

    EventStream(int port, String key) throws Exception {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/v1/events"));
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      response = client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      reading = CompletableFuture.runAsync(() -> {
        try {
          response.body().forEach(lines::add);
        } catch (RuntimeException e) {
          // the stream was closed under the reader: the test looks at what arrived
        }
        lines.add("<end>");
      });
    }

    /** The next line other than a keep-alive comment or the blank line ending an event. */
    String next() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          break;
        }
        if (!line.isEmpty() && !line.startsWith(":")) {
          return line;
        }
      }
      return "<nothing within " + WAIT_SECONDS + " s>";
    }

    /** The three lines of the next event. */
    List<String> event() throws InterruptedException {
      return List.of(next(), next(), next());
    }

    static List<String> of(long version) {
      return List.of("event: dataVersion", "id: " + version,
          "data: {\"dataVersion\": " + version + "}");
    }

    @Override
    public void close() {
      response.body().close();
    }
  }

  private static String phase(String id, String customer) {
    return "{\"records\": [{\"id\": \"" + id + "\", \"customer_id\": \"" + customer
        + "\", \"seats\": 3, \"arr\": 1200, \"start_date\": \"2026-01-01\"}]}";
  }

  @Test
  void announcesTheCurrentVersion_thenEachBatchAndRetraction_ofItsWorkspaceOnly() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      String acme = server.workspace("acme");
      String globex = server.workspace("globex");
      String acmeRead = server.key("acme", KeyScope.READ);
      assertThat(server.http.postJson("/v1/phases", acme, phase("p1", "C1")).status()).isEqualTo(200);

      try (EventStream acmeEvents = new EventStream(server.server.port(), acmeRead);
          EventStream globexEvents = new EventStream(server.server.port(), globex)) {
        assertThat(acmeEvents.response.statusCode()).isEqualTo(200);
        assertThat(acmeEvents.response.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("text/event-stream");
        assertThat(acmeEvents.event()).isEqualTo(EventStream.of(1));
        assertThat(globexEvents.event()).isEqualTo(EventStream.of(0));

        Http.Reply batch = server.http.postJson("/v1/phases", acme, phase("p2", "C2"));
        assertThat(batch.json().get("dataVersion").asLong()).isEqualTo(2);
        assertThat(acmeEvents.event()).isEqualTo(EventStream.of(2));

        assertThat(server.http.delete("/v1/phases/p1", acme).status()).isEqualTo(204);
        assertThat(acmeEvents.event()).isEqualTo(EventStream.of(3));

        // globex's own batch is its first event since connecting: none of acme's came before it
        server.http.postJson("/v1/phases", globex, phase("p1", "C1"));
        assertThat(globexEvents.event()).isEqualTo(EventStream.of(1));
      }
    }
  }

  @Test
  void seesAWriteByAnotherProcess_throughThePeriodicLook() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      String acme = server.workspace("acme");
      try (EventStream events = new EventStream(server.server.port(), acme)) {
        assertThat(events.event()).isEqualTo(EventStream.of(0));
        // written straight into the store, as `upshift import` beside the server would
        server.store.ingest(server.store.findWorkspace("acme").orElseThrow(), RecordKind.CUSTOMERS,
            List.of(DataRecord.of("C1", Map.of("customer_id", "C1"))),
            IngestMode.STRICT);
        assertThat(events.event()).isEqualTo(EventStream.of(1));
      }
    }
  }

  @Test
  void needsAKey() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      server.workspace("acme");
      try (EventStream events = new EventStream(server.server.port(), null)) {
        assertThat(events.response.statusCode()).isEqualTo(401);
        assertThat(events.lines.poll(WAIT_SECONDS, TimeUnit.SECONDS)).contains("unauthorized");
      }
    }
  }

  @Test
  void aStopEndsOpenStreams_atOnce() throws Exception {
    TestServer server = TestServer.sqlite(dir, config -> config.withShutdownTimeout(Duration.ofSeconds(300)));
    try {
      String acme = server.workspace("acme");
      List<EventStream> streams = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        streams.add(new EventStream(server.server.port(), acme));
        assertThat(streams.get(i).event()).isEqualTo(EventStream.of(0));
      }
      // Left open, the streams would hold the stop for its whole 300 s timeout.
      CompletableFuture.runAsync(server.server::close).get(WAIT_SECONDS * 4, TimeUnit.SECONDS);

      assertThat(server.server.requestsInFlight()).isZero();
      for (EventStream stream : streams) {
        stream.reading.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(stream.lines).contains("<end>");
      }
    } finally {
      server.close();
    }
  }
}
