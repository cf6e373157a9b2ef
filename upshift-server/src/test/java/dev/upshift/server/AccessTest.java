package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.server.api.Route;
import dev.upshift.store.KeyScope;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8.2 for every endpoint: 401 for a missing, unknown or revoked key, 403 naming the scope
 * for a key without it, and no path, parameter or id that reaches another workspace's data. The
 * endpoints are taken from the server's own route table, so a new route is covered as it is added.
 */
class AccessTest {
  @TempDir Path dir;
  TestServer server;
  Http http;
  String acme;
  String beta;

  /** One request per route, with the data of the workspace set up below. */
  private record Call(Route route, String method, String path, String body) {
    Http.Reply send(Http http, String key) {
      HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body);
      if (path.equals("/v1/events")) {
        return http.firstEvent(path, key); // the stream never ends by itself
      }
      return body == null ? http.send(method, path, key, publisher)
          : http.post(path, key, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @BeforeEach
  void start() {
    server = TestServer.sqlite(dir);
    http = server.http;
    acme = server.workspace("acme");
    beta = server.workspace("beta");
    // The same ids and customers in both workspaces, with different content.
    post(acme, "p1", "C1", "100", "2026-01-01");
    // An amount no timing or counter of /metrics can spell by chance (a plain "300" could).
    post(acme, "only-acme", "A1", "271828.182845", "2026-01-01");
    post(beta, "p1", "C1", "999", "2026-02-01");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void post(String key, String id, String customer, String arr, String start) {
    Http.Reply reply = http.postJson("/v1/phases", key, "{\"records\": [{\"id\": \"" + id
        + "\", \"customer_id\": \"" + customer + "\", \"arr\": " + arr + ", \"start_date\": \""
        + start + "\"}]}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  /** A concrete request for each route; {@code keyId} fills {@code {keyId}}. */
  private List<Call> calls(String keyId) {
    List<Call> calls = new ArrayList<>();
    for (Route route : server.server.routes()) {
      String path = route.path().replace("{kind}", "phases").replace("<id>", "p1")
          .replace("{keyId}", keyId).replace("{customerId}", "C1")
          .replace("<path>", "dashboard.css");
      if (path.equals("/v1/ledger")) {
        path += "?period=2026-01";
      }
      String body = !route.method().toString().equals("POST") ? null
          : path.equals("/v1/keys") ? "{\"scope\": \"read\"}"
          : "{\"records\": [{\"id\": \"p1\", \"customer_id\": \"C1\", \"arr\": 100,"
              + " \"start_date\": \"2026-01-01\"}]}";
      calls.add(new Call(route, route.method().toString(), path, body));
    }
    return calls;
  }

  @Test
  void everyV1Endpoint_without_withAnUnknown_orWithARevokedKey_is401() {
    String revoked = server.key("acme", KeyScope.ADMIN);
    String revokedId = server.store.listKeys(server.store.findWorkspace("acme").orElseThrow())
        .stream().filter(k -> k.scope() == KeyScope.ADMIN).reduce((a, b) -> b).orElseThrow().id();
    assertThat(http.delete("/v1/keys/" + revokedId, acme).status()).isEqualTo(204);

    for (Call call : calls(revokedId)) {
      if (call.route().scope() == null) {
        assertThat(call.send(http, null).status()).as(call.path()).isEqualTo(200);
        continue;
      }
      for (String key : new String[] {null, "upk_not-a-key", revoked, ""}) {
        Http.Reply reply = call.send(http, key);
        assertThat(reply.status()).as(call.method() + " " + call.path() + " with " + key)
            .isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
      }
    }
  }

  @Test
  void aKeyWithoutTheNeededScope_is403NamingIt() {
    String read = server.key("acme", KeyScope.READ);
    String write = server.key("acme", KeyScope.WRITE);
    String someKeyId = server.store.listKeys(server.store.findWorkspace("acme").orElseThrow())
        .get(0).id();
    int checked = 0;
    for (Call call : calls(someKeyId)) {
      KeyScope needed = call.route().scope();
      if (needed == null) {
        continue;
      }
      for (KeyScope has : KeyScope.values()) {
        String key = has == KeyScope.READ ? read : has == KeyScope.WRITE ? write : null;
        if (key == null || has.allows(needed)) {
          continue;
        }
        Http.Reply reply = call.send(http, key);
        assertThat(reply.status()).as(call.method() + " " + call.path() + " with " + has)
            .isEqualTo(403);
        assertThat(reply.json().at("/error/message").asText())
            .startsWith("this needs a key with scope " + needed.wireName());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8); // 2 write routes x read key, 3 admin routes x read and write
    assertThat(http.get("/v1/report", read).status()).isEqualTo(200);
  }

  @Test
  void noEndpointReachesAnotherWorkspacesData() {
    String acmeKeyId = server.store.listKeys(server.store.findWorkspace("acme").orElseThrow())
        .get(0).id();
    // Beta's key on acme's only record, customer and key: exactly as if they did not exist.
    Http.Reply foreign = http.get("/v1/phases/only-acme", beta);
    Http.Reply missing = http.get("/v1/phases/never-was", beta);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json().at("/error/message").asText())
        .isEqualTo(missing.json().at("/error/message").asText().replace("never-was", "only-acme"));
    assertThat(http.delete("/v1/phases/only-acme", beta).status()).isEqualTo(404);
    assertThat(http.get("/v1/phases/only-acme", acme).status()).isEqualTo(200);
    assertThat(http.get("/v1/customers/A1/explain", beta).status()).isEqualTo(404);
    assertThat(http.get("/v1/customers/A1/explain", acme).status()).isEqualTo(200);
    assertThat(http.delete("/v1/keys/" + acmeKeyId, beta).status()).isEqualTo(404);
    assertThat(http.get("/v1/keys", acme).status()).isEqualTo(200);

    // The shared ids are two records: each workspace sees its own.
    assertThat(http.get("/v1/phases/p1", acme).json().get("arr").asText()).isEqualTo("100");
    assertThat(http.get("/v1/phases/p1", beta).json().get("arr").asText()).isEqualTo("999");
    assertThat(ids(http.get("/v1/phases", beta).json().get("records")))
        .containsExactly("p1");
    assertThat(ids(http.get("/v1/keys", beta).json().get("keys")))
        .doesNotContain(acmeKeyId);
    JsonNode betaReport = http.get("/v1/report", beta).json();
    assertThat(betaReport.at("/input/rows").asInt()).isEqualTo(1);
    assertThat(betaReport.at("/periods/0/period").asText()).isEqualTo("2026-02");
    JsonNode ledger = http.get("/v1/ledger?period=2026-02", beta).json();
    assertThat(ledger.get("rows").findValuesAsText("customer_id")).containsExactly("C1");
    assertThat(ledger.at("/rows/0/arr_end").decimalValue()).isEqualByComparingTo("999");
    JsonNode explained = http.get("/v1/customers/C1/explain", beta).json();
    assertThat(explained.at("/initialArr").decimalValue()).isEqualByComparingTo("999");

    // Every endpoint with beta's key answers from beta's data only.
    for (Call call : calls(acmeKeyId)) {
      Http.Reply reply = call.send(http, beta);
      assertThat(reply.text()).as(call.method() + " " + call.path())
          .doesNotContain("only-acme", "\"A1\"", "271828.18");
      if (!call.path().contains(acmeKeyId)) { // a 404 for the key names the id it was asked for
        assertThat(reply.text()).as(call.method() + " " + call.path()).doesNotContain(acmeKeyId);
      }
    }
  }

  @Test
  void keys_areCreatedOnce_listedWithoutSecrets_andRevoked() {
    Http.Reply created = http.postJson("/v1/keys", acme, "{\"scope\": \"write\", \"name\": \"etl\"}");
    assertThat(created.status()).isEqualTo(201);
    String secret = created.json().get("key").asText();
    String id = created.json().get("id").asText();
    assertThat(created.json().get("scope").asText()).isEqualTo("write");
    assertThat(http.get("/v1/report", secret).status()).isEqualTo(200);

    JsonNode listed = http.get("/v1/keys", acme).json().get("keys");
    assertThat(listed.toString()).doesNotContain(secret).contains("\"name\":\"etl\"");
    listed.forEach(key -> assertThat(key.get("revokedAt").isNull()).isTrue());

    assertThat(http.delete("/v1/keys/" + id, acme).status()).isEqualTo(204);
    assertThat(http.get("/v1/report", secret).status()).isEqualTo(401);
    assertThat(http.get("/v1/keys", acme).json().toString()).contains("\"revokedAt\":\"20");
    assertThat(http.delete("/v1/keys/key_unknown", acme).status()).isEqualTo(404);
    assertThat(http.postJson("/v1/keys", acme, "{\"scope\": \"root\"}").status()).isEqualTo(400);
    assertThat(http.postJson("/v1/keys", acme, "{\"scope\": \"read\", \"secret\": \"x\"}").status())
        .isEqualTo(400);
  }

  @Test
  void everyRouteIsCovered() {
    Set<String> covered = calls("k").stream().map(c -> c.method() + " " + c.route().path())
        .collect(Collectors.toSet());
    assertThat(covered).hasSize(server.server.routes().size());
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
