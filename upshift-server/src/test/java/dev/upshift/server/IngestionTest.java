package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8.3 through real HTTP: batches, retries, corrections, errors, retractions, listings. */
class IngestionTest {
  @TempDir Path dir;
  TestServer server;
  Http http;
  String key;

  @BeforeEach
  void start() {
    server = TestServer.sqlite(dir);
    http = server.http;
    key = server.workspace("acme");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String phase(String id, String customer, String seats, String start, String end) {
    return "{\"id\": \"" + id + "\", \"customer_id\": \"" + customer + "\", \"plan\": \"Standard\","
        + " \"tier\": 1, \"seats\": " + seats + ", \"arr\": 1250.10, \"start_date\": \"" + start
        + "\"" + (end == null ? "" : ", \"end_date\": \"" + end + "\"") + "}";
  }

  private static String batch(String... records) {
    return "{\"records\": [" + String.join(", ", records) + "]}";
  }

  private Http.Reply post(String kind, String body) {
    return http.postJson("/v1/" + kind, key, body);
  }

  @Test
  void aBatchIsStored_andARetryChangesNothing() {
    String body = batch(phase("p1", "C1", "10", "2026-01-01", "2026-03-01"),
        phase("p2", "C1", "12", "2026-03-01", null));

    Http.Reply first = post("phases", body);
    Http.Reply retry = post("phases", body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().toString())
        .isEqualTo("{\"created\":2,\"unchanged\":0,\"corrected\":0,\"dataVersion\":1}");
    assertThat(retry.json().toString())
        .isEqualTo("{\"created\":0,\"unchanged\":2,\"corrected\":0,\"dataVersion\":1}");
  }

  @Test
  void numbersAreKeptExactly_asDecimalText() {
    post("phases", batch("{\"id\": \"p1\", \"customer_id\": \"C1\", \"seats\": 10,"
        + " \"mrr\": 1250.10, \"start_date\": \"2026-01-01\"}",
        "{\"id\": \"p2\", \"customer_id\": \"C2\", \"arr\": 1e3, \"start_date\": \"2026-01-01\"}"));

    JsonNode p1 = http.get("/v1/phases/p1", key).json();
    assertThat(p1.toString()).isEqualTo("{\"id\":\"p1\",\"customer_id\":\"C1\",\"mrr\":\"1250.10\","
        + "\"seats\":\"10\",\"start_date\":\"2026-01-01\"}");
    assertThat(http.get("/v1/phases/p2", key).json().get("arr").asText()).isEqualTo("1000");
  }

  @Test
  void aChangedRecordIsAConflict_andNothingOfTheBatchIsStored() {
    post("phases", batch(phase("p1", "C1", "10", "2026-01-01", null)));

    Http.Reply changed = post("phases", batch(phase("p1", "C1", "11", "2026-01-01", null),
        phase("p9", "C9", "1", "2026-01-01", null)));

    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.errorCode()).isEqualTo("conflict");
    assertThat(changed.json().at("/error/details").toString()).isEqualTo("[{\"id\":\"p1\"}]");
    assertThat(http.get("/v1/phases/p9", key).status()).isEqualTo(404);
    assertThat(http.get("/v1/phases/p1", key).json().get("seats").asText()).isEqualTo("10");
  }

  @Test
  void modeCorrect_replacesChangedRecords() {
    post("phases", batch(phase("p1", "C1", "10", "2026-01-01", null)));

    Http.Reply corrected = http.postJson("/v1/phases?mode=correct", key,
        batch(phase("p1", "C1", "11", "2026-01-01", null), phase("p2", "C2", "1", "2026-01-01", null)));

    assertThat(corrected.json().toString())
        .isEqualTo("{\"created\":1,\"unchanged\":0,\"corrected\":1,\"dataVersion\":2}");
    assertThat(http.get("/v1/phases/p1", key).json().get("seats").asText()).isEqualTo("11");
    assertThat(http.postJson("/v1/phases?mode=sometimes", key, batch()).status()).isEqualTo(400);
  }

  @Test
  void invalidRecords_are422WithEveryError_byIndexIdFieldAndCode_andNothingIsStored() {
    Http.Reply reply = post("phases", batch(
        phase("ok", "C1", "10", "2026-01-01", null),
        phase("half", "C2", "12.5", "2026-01-01", null),
        "{\"id\": \"typo\", \"customer_id\": \"C3\", \"arr\": 1, \"start_date\": \"2026-01-01\","
            + " \"seat\": 4}",
        "{\"customer_id\": \"C4\", \"arr\": 1, \"start_date\": \"2026-01-01\"}",
        "{\"id\": \"ok\", \"customer_id\": \"C5\", \"arr\": 1, \"start_date\": \"2026-01-01\"}",
        "{\"id\": \"flag\", \"customer_id\": \"C6\", \"arr\": true, \"start_date\": \"2026-13-01\"}"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo("invalid_records");
    List<String> details = new ArrayList<>();
    for (JsonNode detail : reply.json().at("/error/details")) {
      details.add(detail.get("index") + " " + detail.get("id").asText(null) + " "
          + detail.get("field").asText(null) + " " + detail.get("code").asText());
    }
    assertThat(details).containsExactly(
        "1 half seats not_whole_number",
        "2 typo seat unknown_column",
        "3 null id missing_id",
        "4 ok id duplicate_id",
        "5 flag arr bad_value",
        "5 flag arr price_form_count",
        "5 flag start_date bad_date");
    assertThat(reply.json().at("/error/count").asLong()).isEqualTo(7);
    assertThat(reply.json().at("/error/details/0/message").asText())
        .isEqualTo("\"12.5\" is not a whole number");
    assertThat(http.get("/v1/phases", key).json().get("records")).isEmpty();
  }

  @Test
  void manyErrors_listTheFirst100_andCountThemAll() {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      records.add(phase("p" + i, "C" + i, "-1", "2026-01-01", null));
    }
    Http.Reply reply = post("phases", batch(records.toArray(String[]::new)));

    assertThat(reply.json().at("/error/details")).hasSize(100);
    assertThat(reply.json().at("/error/count").asLong()).isEqualTo(150);
  }

  @Test
  void overlapsAreCheckedAgainstTheStoredPhasesOfTheSameCustomers() {
    post("phases", batch(phase("p1", "C1", "10", "2026-01-01", "2026-06-01")));

    Http.Reply overlapping = post("phases", batch(phase("p2", "C1", "12", "2026-03-01", null)));
    Http.Reply otherCustomer = post("phases", batch(phase("p3", "C2", "12", "2026-03-01", null)));
    Http.Reply shortened = http.postJson("/v1/phases?mode=correct", key, batch(
        phase("p1", "C1", "10", "2026-01-01", "2026-03-01"),
        phase("p2", "C1", "12", "2026-03-01", null)));

    assertThat(overlapping.status()).isEqualTo(422);
    JsonNode detail = overlapping.json().at("/error/details/0");
    assertThat(detail.get("code").asText()).isEqualTo("overlap");
    assertThat(detail.get("id").asText()).isEqualTo("p2");
    assertThat(detail.get("message").asText()).contains("in record \"p1\"");
    assertThat(otherCustomer.status()).isEqualTo(200);
    assertThat(shortened.status()).isEqualTo(200);
  }

  @Test
  void csvBodies_takeAnIdColumn_andErrorsNameTheirLines() {
    Http.Reply created = http.postCsv("/v1/phases", key, """
        id,customer_id,seats,arr,start_date
        p1,C1,10,1000,2026-01-01
        p2,"C,2",5,500.50,2026-02-01
        """);
    Http.Reply noId = http.postCsv("/v1/phases", key, """
        customer_id,seats,arr,start_date
        C1,10,1000,2026-01-01
        """);
    Http.Reply ragged = http.postCsv("/v1/phases", key, "id,customer_id,arr,start_date\n"
        + "p9,C9,1,2026-01-01,extra\n");

    assertThat(created.json().get("created").asInt()).isEqualTo(2);
    assertThat(http.get("/v1/phases/p2", key).json().get("customer_id").asText()).isEqualTo("C,2");
    assertThat(noId.status()).isEqualTo(422);
    assertThat(noId.json().at("/error/details/0").toString())
        .contains("\"index\":0", "\"line\":2", "\"code\":\"missing_id\"");
    assertThat(ragged.status()).isEqualTo(422);
    assertThat(ragged.json().at("/error/details/0/line").asLong()).isEqualTo(2);
    assertThat(ragged.json().at("/error/details/0/code").asText()).isEqualTo("ragged_row");
  }

  @Test
  void otherKinds_defaultTheirIdToTheNaturalKey_andCheckAcrossStoredRecords() {
    assertThat(post("customers", batch("{\"customer_id\": \"C1\", \"Region\": \"EMEA\"}"))
        .status()).isEqualTo(200);
    assertThat(post("plans", batch("{\"plan\": \"Gold\", \"tier\": 3}")).status()).isEqualTo(200);
    assertThat(post("fx", batch("{\"currency\": \"eur\", \"rate\": \"1.08\"}")).status())
        .isEqualTo(200);
    assertThat(post("targets", batch("{\"metric\": \"upsellRate\", \"period\": \"2026\","
        + " \"value\": 40}")).status()).isEqualTo(200);
    assertThat(post("health", batch("{\"customer_id\": \"C1\", \"date\": \"2026-01-05\","
        + " \"score\": 70}")).status()).isEqualTo(200);
    assertThat(post("initiatives", batch("{\"name\": \"Outreach\", \"launch_date\":"
        + " \"2026-02-01\"}")).status()).isEqualTo(200);

    assertThat(http.get("/v1/customers/C1", key).json().get("region").asText()).isEqualTo("EMEA");
    assertThat(http.get("/v1/plans/default%2FGold", key).status()).isEqualTo(200);
    assertThat(http.get("/v1/plans/default/Gold", key).status()).isEqualTo(200);
    assertThat(http.get("/v1/fx/EUR", key).status()).isEqualTo(200);
    assertThat(http.get("/v1/targets/upsellRate%2F2026", key).status()).isEqualTo(200);
    assertThat(http.get("/v1/health/C1%2F2026-01-05", key).status()).isEqualTo(200);
    assertThat(http.get("/v1/initiatives/Outreach", key).status()).isEqualTo(200);

    Http.Reply again = post("customers", batch(
        "{\"id\": \"other\", \"customer_id\": \"C1\", \"region\": \"NA\"}"));
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().at("/error/details/0/code").asText()).isEqualTo("duplicate_key");
    assertThat(again.json().at("/error/details/0/message").asText())
        .isEqualTo("customer \"C1\" is already listed in record \"C1\"; list each customer once");
  }

  @Test
  void aPhaseInAnotherCurrencyNeedsAStoredRate() {
    String inEuro = batch("{\"id\": \"p1\", \"customer_id\": \"C1\", \"arr\": 100,"
        + " \"currency\": \"EUR\", \"start_date\": \"2026-01-01\"}");

    Http.Reply before = post("phases", inEuro);
    post("fx", batch("{\"currency\": \"EUR\", \"rate\": 1.08}"));
    Http.Reply after = post("phases", inEuro);

    assertThat(before.status()).isEqualTo(422);
    assertThat(before.json().at("/error/details/0/code").asText()).isEqualTo("unknown_currency");
    assertThat(after.status()).isEqualTo(200);
  }

  @Test
  void retraction_is204ThenGone_andUnknownIs404() {
    post("phases", batch(phase("p1", "C1", "10", "2026-01-01", null)));

    Http.Reply deleted = http.delete("/v1/phases/p1", key);
    Http.Reply again = http.delete("/v1/phases/p1", key);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.header("Upshift-Data-Version")).isEqualTo("2");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo("not_found");
    assertThat(http.get("/v1/phases/p1", key).status()).isEqualTo(404);
  }

  @Test
  void listings_pageInIdOrder() {
    List<String> records = new ArrayList<>();
    for (String id : List.of("b", "a", "c", "e", "d")) {
      records.add(phase(id, "C-" + id, "1", "2026-01-01", null));
    }
    post("phases", batch(records.toArray(String[]::new)));

    JsonNode first = http.get("/v1/phases?limit=2", key).json();
    JsonNode second = http.get("/v1/phases?limit=2&after=" + first.get("next").asText(), key).json();
    JsonNode last = http.get("/v1/phases?limit=2&after=" + second.get("next").asText(), key).json();

    assertThat(first.get("records").findValuesAsText("id")).containsExactly("a", "b");
    assertThat(second.get("records").findValuesAsText("id")).containsExactly("c", "d");
    assertThat(last.get("records").findValuesAsText("id")).containsExactly("e");
    assertThat(last.get("next").isNull()).isTrue();
    assertThat(http.get("/v1/phases?limit=0", key).status()).isEqualTo(400);
    assertThat(http.get("/v1/phases?page=2", key).status()).isEqualTo(400);
  }

  @Test
  void bodiesThatAreNotBatches_are400or415() {
    assertThat(post("phases", "{\"records\": [").status()).isEqualTo(400);
    assertThat(post("phases", "[]").status()).isEqualTo(400);
    assertThat(post("phases", "{\"rows\": []}").status()).isEqualTo(400);
    Http.Reply form = http.post("/v1/phases", key, "application/x-www-form-urlencoded",
        "a=b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.errorCode()).isEqualTo("unsupported_media_type");
    assertThat(post("nothing", batch()).status()).isEqualTo(404);
  }

  @Test
  void jsonBodiesThatAreNotStrictUtf8_are400AndStoreNothing() {
    // Overlong '/' (C0 AF) and an encoded surrogate (ED A0 80): a lenient decoder would store
    // them as text (found by the reliability suite).
    for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      body.writeBytes("{\"records\": [{\"id\": \"u1\", \"customer_id\": \"C".getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(bad);
      body.writeBytes("\", \"arr\": 5, \"start_date\": \"2026-01-01\"}]}".getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      Http.Reply reply = http.post("/v1/phases", key, "application/json", body.toByteArray());
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.json().at("/error/message").asText()).contains("not valid UTF-8");
    }
    assertThat(http.get("/v1/phases", key).json().get("records")).isEmpty();
  }

  @Test
  void aLargeBodyRefusedAtItsStart_isAnsweredRatherThanCutOff() {
    // Refused after its first bytes, the rest unread: the client, still sending, must get the
    // reply, not a connection closed under it (found by the reliability suite).
    byte[] notABatch = ("[" + " ".repeat(8 << 20) + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Http.Reply malformed = http.post("/v1/phases", key, "application/json", notABatch);
    Http.Reply wrongType = http.post("/v1/phases", key, "text/plain", notABatch);

    assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
    assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(415);
    assertThat(post("phases", batch(phase("p1", "C1", "10", "2026-01-01", null))).status()).isEqualTo(200);
  }

  @Test
  void requestsJettyRefusesBeforeAnyRoute_getTheJsonErrorBody() {
    // A NUL in the path: refused by Jetty's parser, which answered with an HTML page (found by
    // the reliability suite).
    Http.Reply reply = http.get("/v1/customers/%00/explain", key);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.errorCode()).isEqualTo("invalid_request");
    assertThat(reply.json().at("/error/message").asText()).startsWith("the request cannot be read");
  }

  @Test
  void bodiesNestedBeyondTheReadersDepth_are400NotAnInternalError() {
    // The reader's depth limit is reported without a location (found by the reliability suite).
    Http.Reply nested = post("phases", "{\"records\": [" + "{\"a\": ".repeat(5_000) + "1"
        + "}".repeat(5_000) + "]}");
    assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
    assertThat(nested.errorCode()).isEqualTo("invalid_request");
    assertThat(nested.json().at("/error/message").asText()).startsWith("the body is not valid JSON");
  }

  @Test
  void aReportAfterAnAcknowledgedBatchReflectsIt() {
    post("phases", batch(phase("p1", "C1", "10", "2026-01-01", null)));
    JsonNode before = http.get("/v1/report?from=2026-01&to=2026-02", key).json();

    post("phases", batch(phase("p2", "C2", "5", "2026-02-01", null)));
    JsonNode after = http.get("/v1/report?from=2026-01&to=2026-02", key).json();

    assertThat(before.get("dataVersion").asLong()).isEqualTo(1);
    assertThat(before.at("/periods/1/logos/ending").asInt()).isEqualTo(1);
    assertThat(after.get("dataVersion").asLong()).isEqualTo(2);
    assertThat(after.at("/periods/1/logos/ending").asInt()).isEqualTo(2);
    assertThat(after.at("/periods/1/arr/newLogo").decimalValue())
        .isEqualByComparingTo("1250.10");
  }
}
