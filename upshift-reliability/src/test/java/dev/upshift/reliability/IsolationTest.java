package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.server.api.Route;
import dev.upshift.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * SPEC §8.2, "a workspace's data is never visible from another": two workspaces hold records of
 * every kind under the same ids and the same customer ids, with different content, and acme holds
 * some records beta has no id for. Every route of the server's route table (so a new endpoint
 * cannot be forgotten) is called with beta's key, for every kind, every export format, the shared
 * ids and acme's own — reads, writes and retractions. No reply carries any of acme's values, a
 * shared id shows beta's record, acme's own ids are 404 exactly as ids that never were, and acme's
 * records, report and keys are afterwards what they were.
 */
class IsolationTest extends OnBothStores {
  /** Values only acme's records hold: none may appear in a reply to beta. */
  private static final List<String> ACME_ONLY = List.of("Atlantis", "271828.18", "AcmeZircon",
      "ACME-ONLY", "acme-secret-initiative", "0.917311", "61.75");

  /** The ids of acme's records beta has no record under, by kind. */
  private static final Map<String, String> ACME_OWN = Map.of("phases", "acme-only-p",
      "customers", "ACME-ONLY", "plans", "core/AcmeZircon", "initiatives", "acme-secret-initiative");

  private static List<String> acmeOwnIds(String acmeKeyId) {
    List<String> ids = new ArrayList<>(ACME_OWN.values());
    ids.add(acmeKeyId);
    return ids;
  }

  /** The records of one workspace: per kind, a JSON batch. */
  private static Map<String, String> records(boolean acme) {
    String region = acme ? "Atlantis" : "Lemuria";
    String arr = acme ? "271828.18" : "999";
    String plan = acme ? "AcmeZircon" : "Gold";
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("fx", "[{\"currency\": \"EUR\", \"rate\": \"" + (acme ? "0.917311" : "0.5") + "\"}]");
    kinds.put("plans", "[{\"product\": \"core\", \"plan\": \"" + plan + "\", \"tier\": 2},"
        + " {\"id\": \"shared-plan\", \"product\": \"core\", \"plan\": \"Basic\", \"tier\": 1}]");
    kinds.put("customers", "[{\"customer_id\": \"C1\", \"region\": \"" + region + "\"},"
        + " {\"customer_id\": \"C2\", \"region\": \"" + region + "\"}"
        + (acme ? ", {\"customer_id\": \"ACME-ONLY\", \"region\": \"Atlantis\"}" : "") + "]");
    kinds.put("phases", "[{\"id\": \"p1\", \"customer_id\": \"C1\", \"product\": \"core\", \"plan\": \""
        + plan + "\", \"arr\": " + arr + ", \"start_date\": \"2025-02-01\", \"end_date\": \"2025-05-01\"},"
        + " {\"id\": \"p2\", \"customer_id\": \"C1\", \"product\": \"core\", \"plan\": \"Basic\","
        + " \"arr\": 500, \"currency\": \"EUR\", \"start_date\": \"2025-05-01\"},"
        + " {\"id\": \"p3\", \"customer_id\": \"C2\", \"arr\": " + arr + ", \"start_date\": \"2025-03-01\"}"
        + (acme ? ", {\"id\": \"acme-only-p\", \"customer_id\": \"ACME-ONLY\", \"arr\": 271828.18,"
            + " \"start_date\": \"2025-01-01\"}" : "") + "]");
    kinds.put("health", "[{\"customer_id\": \"C1\", \"date\": \"2025-03-04\", \"score\": "
        + (acme ? "61.75" : "40") + "}]");
    kinds.put("targets", "[{\"metric\": \"upsellRate\", \"period\": \"2025\", \"value\": "
        + (acme ? "61.75" : "30") + "}]");
    kinds.put("initiatives", "[{\"name\": \"launch\", \"launch_date\": \"2025-04-01\", \"segment\":"
        + " \"region=" + region + "\"}" + (acme ? ", {\"name\": \"acme-secret-initiative\","
            + " \"launch_date\": \"2025-04-01\", \"segment\": \"region=Atlantis\"}" : "") + "]");
    return kinds;
  }

  /** A request of the sweep: which route it exercises. */
  private record Call(Route route, String method, String path, String accept, String body) {}

  @Override
  void run(Backend backend, Path dir) {
    try (LocalServer server = new LocalServer(backend, dir.resolve("work"))) {
      String acme = server.workspace("acme");
      String beta = server.workspace("beta");
      for (boolean isAcme : new boolean[] {true, false}) {
        for (Map.Entry<String, String> kind : records(isAcme).entrySet()) {
          Client.Reply reply = server.client.postJson("/v1/" + kind.getKey(), isAcme ? acme : beta,
              "{\"records\": " + kind.getValue() + "}");
          assertThat(reply.status()).as("%s: %s", kind.getKey(), reply).isEqualTo(200);
        }
      }
      Store store = server.store;
      String acmeKeyId = store.listKeys(store.findWorkspace("acme").orElseThrow()).get(0).id();
      Stored acmeBefore = Stored.read(server.client, acme);
      Stored betaBefore = Stored.read(server.client, beta);
      String acmeReport = FreshReport.withoutDataVersion(
          server.client.get("/v1/report?analysis=true&by=region", acme));
      assertThat(acmeReport).contains("Atlantis", "271828.18");

      List<Call> calls = calls(server.server.routes(), acmeKeyId, betaBefore);
      Set<Route> exercised = new HashSet<>();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Call call : calls) {
        Client.Reply reply = send(server.client, call, beta);
        exercised.add(call.route());
        statuses.merge(reply.status(), 1, Integer::sum);
        String shown = call.method() + " " + call.path() + (call.accept() == null ? "" : " (" + call.accept() + ")");
        assertThat(reply.status()).as("%s: %s", shown, reply).isLessThan(500);
        String text = readable(reply);
        String asked = URLDecoder.decode(call.path(), StandardCharsets.UTF_8);
        for (String value : ACME_ONLY) {
          if (!asked.contains(value)) {
            assertThat(text).as("%s answers with acme's %s", shown, value).doesNotContain(value);
          }
        }
        if (!asked.contains(acmeKeyId)) {
          assertThat(text).as(shown).doesNotContain(acmeKeyId);
        }
        // Asked for one of acme's own ids: answered exactly as an id that never was.
        for (String own : acmeOwnIds(acmeKeyId)) {
          int at = call.path().lastIndexOf("/" + own);
          if (at >= 0 && (at + own.length() + 1 == call.path().length()
              || call.path().startsWith("/", at + own.length() + 1))) {
            Call never = new Call(call.route(), call.method(), call.path().substring(0, at)
                + "/never-was" + call.path().substring(at + own.length() + 1), null, null);
            Client.Reply missing = send(server.client, never, beta);
            assertThat(reply.status()).as(shown).isEqualTo(404).isEqualTo(missing.status());
            assertThat(text).as(shown).isEqualTo(missing.text().replace("never-was", own));
          }
        }
      }
      System.out.printf(Locale.ROOT, "IsolationTest[%s]: %d requests with the other workspace's key over all"
          + " %d routes: statuses %s%n", backend.name(), calls.size(), exercised.size(), statuses);
      assertThat(exercised).as("every route is exercised")
          .containsExactlyInAnyOrderElementsOf(server.server.routes());

      // acme is untouched and sees its own data only.
      assertThat(Stored.read(server.client, acme)).isEqualTo(acmeBefore);
      assertThat(FreshReport.withoutDataVersion(
          server.client.get("/v1/report?analysis=true&by=region", acme))).isEqualTo(acmeReport);
      assertThat(server.client.get("/v1/keys", acme).status()).isEqualTo(200);
      for (String kind : Stored.KINDS) {
        assertThat(acmeBefore.of(kind)).as(kind).isNotEqualTo(betaBefore.of(kind));
      }
      FreshReport.assertServedReportIsFresh(server.client, acme, dir.resolve("fresh"),
          "by=region", "--by region");
    }
  }

  /**
   * Every route, with beta's key: for the record routes every kind, with a shared id and one of
   * acme's own; reads first, then writes (beta's own records under the shared ids), then
   * retractions; the report in every format.
   */
  private static List<Call> calls(List<Route> routes, String acmeKeyId, Stored beta) {
    List<Call> reads = new ArrayList<>();
    List<Call> writes = new ArrayList<>();
    List<Call> deletes = new ArrayList<>();
    Map<String, String> acmeOwn = ACME_OWN;
    Map<String, String> betaRecords = records(false);
    for (Route route : routes) {
      String method = route.method().toString();
      String path = route.path();
      if (path.contains("{kind}")) {
        for (String kind : Stored.KINDS) {
          String base = path.replace("{kind}", kind);
          if (path.contains("<id>")) {
            List<String> ids = new ArrayList<>(beta.of(kind).keySet());
            if (acmeOwn.containsKey(kind)) {
              ids.add(acmeOwn.get(kind));
            }
            ids.add("never-was");
            for (String id : ids) {
              Call call = new Call(route, method, base.replace("<id>", id), null, null);
              (method.equals("DELETE") ? deletes : reads).add(call);
            }
          } else if (method.equals("POST")) {
            writes.add(new Call(route, method, base, null, "{\"records\": " + betaRecords.get(kind) + "}"));
          } else {
            reads.add(new Call(route, method, base + "?limit=10000", null, null));
          }
        }
      } else if (path.equals("/v1/report")) {
        for (String query : List.of("", "?format=csv", "?format=html", "?format=xlsx",
            "?analysis=true&by=region", "?by=region&where=region%3DLemuria", "?currency=EUR")) {
          reads.add(new Call(route, method, path + query, null, null));
        }
      } else if (path.equals("/v1/ledger")) {
        reads.add(new Call(route, method, path + "?period=2025-03", null, null));
        reads.add(new Call(route, method, path + "?period=2025-02&component=newLogo", "text/csv", null));
      } else if (path.contains("{customerId}")) {
        for (String customer : List.of("C1", "C2", "ACME-ONLY")) {
          reads.add(new Call(route, method, path.replace("{customerId}", customer), null, null));
        }
      } else if (path.equals("/v1/events")) {
        reads.add(new Call(route, method, path, "text/event-stream", null));
      } else if (path.contains("<path>")) {
        // The dashboard's files: the same for everyone, and no workspace's data in them.
        reads.add(new Call(route, method, path.replace("<path>", "js/app.js"), null, null));
      } else if (path.contains("{keyId}")) {
        deletes.add(new Call(route, method, path.replace("{keyId}", acmeKeyId), null, null));
      } else if (method.equals("POST")) {
        writes.add(new Call(route, method, path, null, "{\"scope\": \"read\", \"name\": \"beta-reader\"}"));
      } else {
        reads.add(new Call(route, method, path, null, null));
      }
    }
    List<Call> all = new ArrayList<>(reads);
    all.addAll(writes);
    all.addAll(deletes);
    return all;
  }

  private static Client.Reply send(Client client, Call call, String key) {
    return switch (call.method()) {
      case "GET" -> call.accept() == null ? client.get(call.path(), key)
          : call.accept().equals("text/event-stream") ? client.firstEvent(call.path(), key)
          : client.get(call.path(), key, call.accept());
      case "POST" -> client.postJson(call.path(), key, call.body());
      case "DELETE" -> client.delete(call.path(), key);
      default -> throw new IllegalArgumentException("no call for " + call.method());
    };
  }

  /** The reply as text; an xlsx workbook's entries unzipped. */
  private static String readable(Client.Reply reply) {
    byte[] body = reply.bytes();
    if (body.length < 2 || body[0] != 'P' || body[1] != 'K') {
      return new String(body, StandardCharsets.UTF_8);
    }
    // Read by its central directory, as spreadsheet programs do.
    StringBuilder text = new StringBuilder();
    try {
      Path file = Files.createTempFile("upshift-isolation-", ".xlsx");
      try {
        Files.write(file, body);
        try (ZipFile zip = new ZipFile(file.toFile())) {
          for (ZipEntry entry : Collections.list(zip.entries())) {
            text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(text).as("an xlsx workbook").isNotEmpty();
    return text.toString();
  }
}
