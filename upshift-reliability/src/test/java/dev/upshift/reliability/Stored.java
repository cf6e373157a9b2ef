package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a workspace holds, read through the API's listings ({@code GET /v1/{kind}}, page by page):
 * for each kind, its records by id, each as listed (its id, then its fields). Two workspaces hold
 * the same data exactly when their {@code Stored} are equal.
 */
record Stored(Map<String, Map<String, Map<String, String>>> kinds) {
  /** Every record kind of §8.3, in the order their files are listed in §1. */
  static final List<String> KINDS =
      List.of("phases", "customers", "plans", "health", "targets", "fx", "initiatives");

  /** Reads every record of every kind. */
  static Stored read(Client client, String key) {
    Map<String, Map<String, Map<String, String>>> kinds = new LinkedHashMap<>();
    for (String kind : KINDS) {
      kinds.put(kind, list(client, key, kind));
    }
    return new Stored(kinds);
  }

  /** Every record of one kind, by id, in id order. */
  static Map<String, Map<String, String>> list(Client client, String key, String kind) {
    Map<String, Map<String, String>> records = new TreeMap<>();
    String after = null;
    // Bounded: a page holds up to 10,000 records, and no test stores 100 million.
    for (int page = 0; page < 10_000; page++) {
      Client.Reply reply = client.get("/v1/" + kind + "?limit=10000"
          + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)), key);
      assertThat(reply.status()).as("listing %s: %s", kind, reply).isEqualTo(200);
      JsonNode body = reply.json();
      for (JsonNode record : body.get("records")) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        records.put(fields.get("id"), fields);
      }
      if (body.get("next").isNull()) {
        return records;
      }
      after = body.get("next").asText();
    }
    throw new IllegalStateException("more than 10,000 pages of " + kind);
  }

  Map<String, Map<String, String>> of(String kind) {
    return kinds.get(kind);
  }

  /** How many records in all. */
  long size() {
    return kinds.values().stream().mapToLong(Map::size).sum();
  }
}
