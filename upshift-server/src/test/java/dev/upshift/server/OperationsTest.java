package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.server.api.Route;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics, the request log, limits, the OpenAPI document and a graceful stop. */
class OperationsTest {
  @TempDir Path dir;

  private static String phases(int count, String prefix) {
    StringBuilder body = new StringBuilder("{\"records\": [");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",").append("{\"id\": \"").append(prefix).append(i)
          .append("\", \"customer_id\": \"C").append(i).append("\", \"seats\": 3, \"arr\": 1200,"
              + " \"start_date\": \"2026-01-01\"}");
    }
    return body.append("]}").toString();
  }

  @Test
  void healthz_andMetrics_needNoKey_andMetricsCountRequestsAndRecords() {
    try (TestServer server = TestServer.sqlite(dir)) {
      String key = server.workspace("acme");
      assertThat(server.http.postJson("/v1/phases", key, phases(3, "p")).status()).isEqualTo(200);
      server.http.get("/v1/phases/missing", key);

      Http.Reply health = server.http.get("/healthz", null);
      Http.Reply metrics = server.http.get("/metrics", null);

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("ok");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      assertThat(metrics.text())
          .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/{kind}\","
              + "status=\"200\"} 1")
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/{kind}/<id>\","
              + "status=\"404\"} 1")
          .contains("upshift_records_ingested_total{kind=\"phases\",outcome=\"created\"} 3.0")
          .contains("upshift_store_operation_seconds_count{operation=\"ingest\"} 1")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void theRequestLog_isOneJsonLinePerRequest_withoutSecretsOrQueries() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      String key = server.workspace("acme");
      server.http.postJson("/v1/phases", key, phases(1, "p"));
      server.http.get("/v1/report?where=region%3DEMEA", key);
      server.http.get("/v1/report", "upk_wrong");

      List<JsonNode> lines = new ArrayList<>();
      for (String line : server.log) {
        assertThat(line).doesNotContain(key).doesNotContain("upk_wrong").doesNotContain("EMEA")
            .doesNotContain("\n");
        lines.add(Http.JSON.readTree(line));
      }
      assertThat(lines).hasSize(3);
      JsonNode posted = lines.get(0);
      assertThat(posted.get("method").asText()).isEqualTo("POST");
      assertThat(posted.get("path").asText()).isEqualTo("/v1/phases");
      assertThat(posted.get("status").asInt()).isEqualTo(200);
      assertThat(posted.get("workspace").asText()).isEqualTo("acme");
      assertThat(posted.get("keyId").asText()).startsWith("key_");
      assertThat(posted.has("durationMs")).isTrue();
      assertThat(lines.get(1).get("path").asText()).isEqualTo("/v1/report");
      assertThat(lines.get(2).get("status").asInt()).isEqualTo(401);
      assertThat(lines.get(2).get("error").asText()).startsWith("unauthorized");
      assertThat(lines.get(2).has("workspace")).isFalse();
    }
  }

  @Test
  void bodiesOverTheLimit_are413_whetherDeclaredOrStreamed() {
    try (TestServer server = TestServer.sqlite(dir, config -> config.withMaxBodyBytes(1000))) {
      String key = server.workspace("acme");
      Http.Reply declared = server.http.postJson("/v1/phases", key, phases(20, "p"));
      Http.Reply streamed = server.http.postStreamed("/v1/phases", key, "application/json",
          java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
              phases(20, "q").getBytes(StandardCharsets.UTF_8))));
      Http.Reply small = server.http.postJson("/v1/phases", key, phases(2, "r"));

      assertThat(declared.status()).isEqualTo(413);
      assertThat(declared.errorCode()).isEqualTo("payload_too_large");
      assertThat(streamed.status()).isEqualTo(413);
      assertThat(small.status()).isEqualTo(200);
      assertThat(server.http.get("/v1/phases?limit=100", key).json().get("records")).hasSize(2);
    }
  }

  @Test
  void tooManyRequestsForAKey_are429WithRetryAfter_andOtherKeysGoOn() {
    try (TestServer server = TestServer.sqlite(dir, config -> config.withRateLimit(0.5, 2))) {
      String key = server.workspace("acme");
      String other = server.workspace("beta");
      List<Integer> statuses = new ArrayList<>();
      Http.Reply last = null;
      for (int i = 0; i < 3; i++) {
        last = server.http.get("/v1/phases", key);
        statuses.add(last.status());
      }

      assertThat(statuses).containsExactly(200, 200, 429);
      assertThat(last.errorCode()).isEqualTo("rate_limited");
      assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 2);
      assertThat(server.http.get("/v1/phases", other).status()).isEqualTo(200);
    }
  }

  @Test
  void theOpenApiDocument_listsExactlyTheRoutesServed() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      String key = server.workspace("acme");
      JsonNode document = server.http.get("/v1/openapi.json", key).json();

      TreeSet<String> documented = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        path.getValue().fieldNames().forEachRemaining(
            method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
      }
      TreeSet<String> served = new TreeSet<>();
      for (String endpoint : server.server.registeredEndpoints()) {
        served.add(endpoint.replace('<', '{').replace('>', '}'));
      }
      TreeSet<String> routed = new TreeSet<>();
      for (Route route : server.server.routes()) {
        routed.add(route.method() + " " + route.openApiPath());
      }

      assertThat(served).isEqualTo(routed);
      assertThat(documented).isEqualTo(served);
      assertThat(document.get("openapi").asText()).startsWith("3.");
    }
  }

  @Test
  void aStopLetsTheBatchInFlightFinish_andRefusesNewRequests() throws Exception {
    TestServer server = TestServer.sqlite(dir);
    try {
      String key = server.workspace("acme");
      String big = phases(20_000, "p");
      CompletableFuture<Http.Reply> inFlight =
          CompletableFuture.supplyAsync(() -> server.http.postJson("/v1/phases", key, big));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (server.server.requestsInFlight() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertThat(server.server.requestsInFlight()).isEqualTo(1);

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.server::close);
      Thread.sleep(50);
      Http.Reply refused = server.http.get("/v1/phases", key);
      Http.Reply health = server.http.get("/healthz", null);

      assertThat(inFlight.get().status()).isEqualTo(200);
      assertThat(inFlight.get().json().get("created").asInt()).isEqualTo(20_000);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(health.status()).isEqualTo(503);
      stopping.get();
      assertThat(server.store.dataVersion(server.store.findWorkspace("acme").orElseThrow()))
          .isEqualTo(1);
    } finally {
      server.close();
    }
  }

  @Test
  void theDocumentIsOnTheClassPath() throws Exception {
    try (InputStream in = UpshiftServer.class.getResourceAsStream("/dev/upshift/server/openapi.json")) {
      assertThat(in).isNotNull();
    }
  }
}
