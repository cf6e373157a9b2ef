package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.io.json.JsonReportWriter;
import dev.upshift.metric.UpsellMember;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.server.report.WorkspaceData;
import dev.upshift.server.report.WorkspaceLoader;
import dev.upshift.state.Book;
import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Workspace;
import dev.upshift.time.Grain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11's proof: random batches of phases (new, corrected, moved to another customer),
 * retractions, and changes of customers and plans go through the server; after each, every report
 * configuration it keeps current equals a full recomputation — the command line's report of the
 * stored records read afresh — exactly, byte for byte of the JSON.
 */
class LiveReportsProperties {
  private static final String[] CUSTOMERS = {"C1", "C2", "C3", "C4", "C5", "C6"};
  private static final String[] PRODUCTS = {"core", "addon"};

  /** Query → the options it asks for. */
  private static final Map<String, ReportOptions> CONFIGURATIONS = configurations();

  private static Map<String, ReportOptions> configurations() {
    Map<String, ReportOptions> configurations = new LinkedHashMap<>();
    configurations.put("", ReportOptions.builder().build());
    configurations.put("grain=quarter&by=region", ReportOptions.builder().grain(Grain.QUARTER)
        .by(List.of("region")).build());
    configurations.put("book=contracted&where=region%3DEMEA", ReportOptions.builder()
        .book(Book.CONTRACTED).where(SegmentFilter.parse("region=EMEA")).build());
    configurations.put("excludeTopTier=true&upsellDefinition=tier,seats", ReportOptions.builder()
        .excludeTopTier(true).upsellDefinition(UpsellMember.parseDefinition("tier,seats")).build());
    configurations.put("from=2025-01&to=2026-06&by=tenure", ReportOptions.builder()
        .from(YearMonth.of(2025, 1)).to(YearMonth.of(2026, 6)).by(List.of("tenure")).build());
    return configurations;
  }

  @Property(tries = 12)
  void everyKeptConfiguration_equalsAFullRecomputation_afterEveryChange(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws IOException {
    Path dir = Files.createTempDirectory("upshift-live-");
    try (TestServer server = TestServer.sqlite(dir)) {
      String key = server.workspace("acme");
      Workspace workspace = server.store.findWorkspace("acme").orElseThrow();
      Random random = new Random(seed);
      Steps steps = new Steps(server.http, key, random);
      steps.start();
      check(server, workspace, key, dir, "the first reports");
      for (int step = 0; step < 10; step++) {
        String what = steps.next();
        check(server, workspace, key, dir, "step " + step + ": " + what);
      }
    } finally {
      delete(dir);
    }
  }

  @Test
  void aVersionWrittenByAnotherProcess_isLoadedInFull_thenBatchesAreFollowedAgain(@TempDir Path dir) {
    try (TestServer server = TestServer.sqlite(dir)) {
      String key = server.workspace("acme");
      Workspace workspace = server.store.findWorkspace("acme").orElseThrow();
      Steps steps = new Steps(server.http, key, new Random(7));
      steps.start();
      check(server, workspace, key, dir, "the first reports");

      // As an `upshift import` beside the server would: straight into the store, unannounced.
      server.store.ingest(workspace, RecordKind.PHASES, List.of(DataRecord.of("outside",
          Map.of("customer_id", "C9", "arr", "7000", "start_date", "2025-02-01"))),
          IngestMode.STRICT);
      steps.phases();
      check(server, workspace, key, dir, "a batch from outside, then one through the server");
      steps.phases();
      check(server, workspace, key, dir, "then another through the server");

      String metrics = server.http.get("/metrics", null).text();
      assertThat(metrics).contains("upshift_report_live_loads 2.0"); // the first, the outside one
      assertThat(metrics).contains("upshift_report_live_updates 1.0"); // the last batch only
    }
  }

  /** Every configuration from the server against the report of the records read afresh. */
  private static void check(TestServer server, Workspace workspace, String key, Path dir,
      String after) {
    long version = server.store.dataVersion(workspace);
    WorkspaceData fresh = new WorkspaceLoader(server.store, dir.resolve("fresh")).load(workspace,
        "USD");
    assertThat(fresh.dataVersion()).isEqualTo(version);
    CONFIGURATIONS.forEach((query, options) -> {
      Http.Reply reply = server.http.get("/v1/report?" + query, key);
      assertThat(reply.status()).as(after + ", " + query + ": " + reply).isEqualTo(200);
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      JsonReportWriter.write(Upshift.report(fresh.dataset(), options),
          Map.of("dataVersion", version), expected);
      assertThat(reply.text()).as(after + ", " + query)
          .isEqualTo(expected.toString(StandardCharsets.UTF_8));
    });
  }

  /** Random changes that the server accepts: phases in slots of their line that never overlap. */
  private static final class Steps {
    private final Http http;
    private final String key;
    private final Random random;
    private final TreeSet<String> stored = new TreeSet<>();

    Steps(Http http, String key, Random random) {
      this.http = http;
      this.key = key;
      this.random = random;
    }

    void start() {
      List<String> records = new ArrayList<>();
      for (String customer : CUSTOMERS) {
        for (int slot = 0; slot < 3; slot++) {
          records.add(phase(customer, "L1", slot, customer));
        }
      }
      post("/v1/phases", records);
      post("/v1/customers", List.of(customer("C1", "EMEA"), customer("C2", "NA"),
          customer("C3", "EMEA")));
    }

    /** Makes one random change; says what. */
    String next() {
      int choice = random.nextInt(20);
      if (choice < 9) {
        return phases();
      }
      if (choice < 14 && stored.size() > 3) {
        String id = new ArrayList<>(stored).get(random.nextInt(stored.size()));
        Http.Reply reply = http.delete("/v1/phases/" + id, key);
        assertThat(reply.status()).as("retract " + id + ": " + reply).isEqualTo(204);
        stored.remove(id);
        return "retract " + id;
      }
      if (choice < 17) {
        String record = customer(pick(CUSTOMERS), pick(new String[] {"EMEA", "NA", "APAC"}));
        post("/v1/customers?mode=correct", List.of(record));
        return "customers " + record;
      }
      if (choice < 19) {
        String record = "{\"product\": \"core\", \"plan\": \"gold\", \"tier\": "
            + (2 + random.nextInt(4)) + "}";
        post("/v1/plans?mode=correct", List.of(record));
        return "plans " + record;
      }
      return "nothing";
    }

    /** Posts one to three phases, new or corrected, some moved to another customer. */
    String phases() {
      List<String> records = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        String customer = pick(CUSTOMERS);
        String line = random.nextBoolean() ? "L1" : "L2";
        records.add(phase(customer, line, random.nextInt(8),
            random.nextInt(6) == 0 ? pick(CUSTOMERS) : customer));
      }
      post("/v1/phases?mode=correct", dedupe(records));
      return "phases " + records;
    }

    /** A phase of slot {@code slot} of a line; {@code owner} other than the customer moves it. */
    private String phase(String customer, String line, int slot, String owner) {
      String id = "p-" + customer + "-" + line + "-" + slot;
      stored.add(id);
      LocalDate start = LocalDate.of(2025, 1, 1).plusMonths(3L * slot)
          .plusDays(random.nextInt(20));
      boolean open = slot == 7 && random.nextBoolean();
      LocalDate end = LocalDate.of(2025, 1, 1).plusMonths(3L * slot + 3);
      String product = pick(PRODUCTS);
      StringBuilder json = new StringBuilder("{\"id\": \"" + id + "\", \"customer_id\": \""
          + owner + "\", \"line_id\": \"" + (owner.equals(customer) ? line : id) + "\","
          + " \"product\": \"" + product + "\", \"seats\": " + (1 + random.nextInt(20))
          + ", \"arr\": " + (random.nextInt(8) * 500) + ", \"start_date\": \"" + start + "\"");
      if (!open) {
        json.append(", \"end_date\": \"").append(end).append('"');
      }
      if (random.nextInt(3) == 0) {
        json.append(", \"plan\": \"gold\"");
      } else {
        json.append(", \"tier\": ").append(1 + random.nextInt(4));
      }
      int kind = random.nextInt(10);
      if (kind == 0) {
        json.append(", \"kind\": \"overage\"");
      } else if (kind == 1) {
        json.append(", \"kind\": \"one_time\"");
      } else if (kind == 2) {
        json.append(", \"status\": \"trial\"");
      }
      return json.append('}').toString();
    }

    private static String customer(String id, String region) {
      return "{\"customer_id\": \"" + id + "\", \"region\": \"" + region + "\"}";
    }

    /** One record per id (a batch may not name an id twice): the last wins. */
    private static List<String> dedupe(List<String> records) {
      Map<String, String> byId = new LinkedHashMap<>();
      for (String record : records) {
        byId.put(record.substring(0, record.indexOf(',')), record);
      }
      return new ArrayList<>(byId.values());
    }

    private void post(String path, List<String> records) {
      Http.Reply reply = http.postJson(path, key,
          "{\"records\": [" + String.join(", ", records) + "]}");
      assertThat(reply.status()).as(path + " " + records + ": " + reply).isEqualTo(200);
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
