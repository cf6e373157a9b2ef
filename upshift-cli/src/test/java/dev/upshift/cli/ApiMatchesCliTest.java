package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.server.ServerConfig;
import dev.upshift.server.UpshiftServer;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test: the bundled sample dataset posted through the API gives the same
 * report JSON as {@code upshift report} on the same files, field for field, for several option
 * sets. The phases go as JSON batches with ids, every other file as the CSV body it is (their ids
 * default to their natural keys). Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiMatchesCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private Store store;
  private UpshiftServer server;
  private String key;
  private String base;
  private Path scratch;

  /** Opens the store the server runs on (empty). */
  protected abstract Store openStore(Path scratch);

  /** Cleans up after the store is closed. */
  protected void afterStore() {}

  @BeforeAll
  void postTheSampleThroughTheApi() throws Exception {
    scratch = Files.createTempDirectory("upshift-api-cli-");
    store = openStore(scratch);
    server = UpshiftServer.start(ServerConfig.defaults().withPort(0)
        .withWorkDir(scratch.resolve("work")).withRequestLog(line -> { }), store);
    base = "http://127.0.0.1:" + server.port();
    key = store.createKey(store.createWorkspace("demo"), KeyScope.WRITE, "test").secret();
    Path demo = CommandLineTest.demo();
    for (String kind : List.of("fx", "plans", "customers", "health", "targets")) {
      HttpResponse<String> reply = post("/v1/" + kind, "text/csv",
          Files.readString(demo.resolve(kind + ".csv")));
      assertThat(reply.statusCode()).as(kind + ": " + reply.body()).isEqualTo(200);
    }
    // The analysis lists initiatives in input order, which for records is id order: ids that
    // sort as the file's lines do (by name, the default, they would sort alphabetically).
    List<String> initiatives = Files.readAllLines(demo.resolve("initiatives.csv"));
    StringBuilder withIds = new StringBuilder("id," + initiatives.get(0) + "\n");
    for (int i = 1; i < initiatives.size(); i++) {
      withIds.append(String.format("i%03d,", i)).append(initiatives.get(i)).append('\n');
    }
    HttpResponse<String> initiativesReply = post("/v1/initiatives", "text/csv", withIds.toString());
    assertThat(initiativesReply.statusCode()).as(initiativesReply.body()).isEqualTo(200);
    List<Map<String, String>> phases = phases(demo.resolve("subscriptions.csv"));
    for (int from = 0; from < phases.size(); from += 500) {
      String body = JSON.writeValueAsString(
          Map.of("records", phases.subList(from, Math.min(phases.size(), from + 500))));
      HttpResponse<String> reply = post("/v1/phases", "application/json", body);
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }
  }

  /** The rows of subscriptions.csv as records: id {@code subscriptions.csv:<line>}, empty cells left out. */
  private static List<Map<String, String>> phases(Path file) throws IOException {
    List<Map<String, String>> records = new ArrayList<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      List<String> header = null;
      for (CsvRecord row : csv) {
        if (header == null) {
          header = row.getFields();
          continue;
        }
        Map<String, String> record = new LinkedHashMap<>();
        record.put("id", "subscriptions.csv:" + row.getStartingLineNumber());
        for (int i = 0; i < header.size(); i++) {
          if (!row.getField(i).isEmpty()) {
            record.put(header.get(i), row.getField(i));
          }
        }
        records.add(record);
      }
    }
    return records;
  }

  @AfterAll
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
    afterStore();
    if (scratch != null) {
      try (Stream<Path> paths = Files.walk(scratch)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /** Option sets: the API's query, and the same options as the command line's flags. */
  static Stream<String[]> optionSets() {
    return Stream.of(
        new String[] {"", ""},
        new String[] {"grain=quarter&by=channel,region", "--grain quarter --by channel,region"},
        new String[] {"book=contracted&upsellDefinition=seats,tier&rateCounting=net&grain=quarter"
            + "&minTenureMonths=3&excludeTopTier=true",
            "--book contracted --upsell-definition seats,tier --rate-counting net --grain quarter"
                + " --min-tenure-months 3 --exclude-top-tier"},
        new String[] {"from=2025-04&to=2026-03&grain=year&fiscalYearStart=4&minExpansionArr=1000",
            "--from 2025-04 --to 2026-03 --grain year --fiscal-year-start 4 --min-expansion-arr 1000"},
        new String[] {"where=region%3DEMEA&by=plan&currency=USD",
            "--where region=EMEA --by plan --currency USD"},
        new String[] {"analysis=true&by=tenure", "--analysis --by tenure"});
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("optionSets")
  void theReportOfTheApiIsTheReportOfTheCommandLine(String query, String flags) throws Exception {
    HttpResponse<String> api = get("/v1/report" + (query.isEmpty() ? "" : "?" + query));
    List<String> args = new ArrayList<>(List.of("report", "--data",
        CommandLineTest.demo().toString(), "--format", "json"));
    if (!flags.isEmpty()) {
      args.addAll(List.of(flags.split(" ")));
    }
    CommandLineTest.Run cli = CommandLineTest.run(args.toArray(String[]::new));

    assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
    assertThat(cli.exit()).as(cli.err()).isZero();
    String dataVersion = api.headers().firstValue("Upshift-Data-Version").orElseThrow();
    assertThat(api.body()).contains("\"dataVersion\" : " + dataVersion + ",");
    assertThat(api.body().replace("  \"dataVersion\" : " + dataVersion + ",\n", ""))
        .isEqualTo(cli.out());
  }

  private HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + key).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
