package dev.upshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} promises, run against each implementation by a subclass that says how
 * to open one over an empty database.
 */
abstract class StoreContract {

  /** Opens a store over this test's database; a second call opens the same data again. */
  protected abstract Store open();

  protected Store store;
  private Workspace acme;

  @BeforeEach
  void openStore() {
    store = open();
    acme = store.createWorkspace("acme");
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  static DataRecord record(String id, String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return DataRecord.of(id, fields);
  }

  static DataRecord phase(String id, String customer, String arr) {
    return record(id, "customer_id", customer, "arr", arr, "start_date", "2025-01-01");
  }

  private IngestResult ingest(DataRecord... records) {
    return store.ingest(acme, RecordKind.PHASES, List.of(records), IngestMode.STRICT);
  }

  // --- workspaces ---

  @Test
  void createWorkspace_startsAtDataVersionZero_andIsFoundByName() {
    Workspace beta = store.createWorkspace("beta-2");
    assertThat(store.findWorkspace("beta-2")).contains(beta);
    assertThat(store.dataVersion(beta)).isZero();
    assertThat(beta.id()).isNotEqualTo(acme.id());
    assertThat(store.findWorkspace("gamma")).isEmpty();
  }

  @Test
  void createWorkspace_refusesATakenName() {
    assertThatThrownBy(() -> store.createWorkspace("acme"))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.WORKSPACE_EXISTS));
    assertThatThrownBy(() -> store.createWorkspace("no spaces"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- ingestion ---

  @Test
  void ingest_createsNewRecords_andGrowsTheDataVersionOncePerBatch() {
    IngestResult result = ingest(phase("p1", "C1", "100"), phase("p2", "C2", "200"));

    assertThat(result).isEqualTo(new IngestResult(2, 0, 0, List.of(), 1));
    assertThat(store.dataVersion(acme)).isEqualTo(1);
    assertThat(store.get(acme, RecordKind.PHASES, "p1")).contains(phase("p1", "C1", "100"));
  }

  @Test
  void ingest_aRetriedBatchIsUnchanged_andKeepsTheDataVersion() {
    ingest(phase("p1", "C1", "100"), phase("p2", "C2", "200"));

    IngestResult retry = ingest(phase("p2", "C2", "200"), phase("p1", "C1", "100"));

    assertThat(retry).isEqualTo(new IngestResult(0, 2, 0, List.of(), 1));
    assertThat(store.dataVersion(acme)).isEqualTo(1);
  }

  @Test
  void ingest_fieldOrderIsNotContent() {
    ingest(record("p1", "a", "1", "b", "2"));
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("b", "2");
    reversed.put("a", "1");

    assertThat(ingest(DataRecord.of("p1", reversed)).unchanged()).isEqualTo(1);
  }

  @Test
  void ingest_changedContentIsAConflict_andTheWholeBatchIsRefused() {
    ingest(phase("p1", "C1", "100"));

    IngestResult result = ingest(phase("p0", "C0", "50"), phase("p1", "C1", "150"), phase("p2", "C2", "1"));

    assertThat(result.stored()).isFalse();
    assertThat(result).isEqualTo(new IngestResult(0, 0, 0, List.of("p1"), 1));
    assertThat(store.get(acme, RecordKind.PHASES, "p0")).isEmpty();
    assertThat(store.get(acme, RecordKind.PHASES, "p2")).isEmpty();
    assertThat(store.get(acme, RecordKind.PHASES, "p1")).contains(phase("p1", "C1", "100"));
    assertThat(store.dataVersion(acme)).isEqualTo(1);
  }

  @Test
  void ingest_aFieldAddedOrRemovedIsAChangeToo() {
    ingest(record("p1", "a", "1"));
    assertThat(ingest(record("p1", "a", "1", "b", "")).conflicts()).containsExactly("p1");
    assertThat(ingest(record("p1")).conflicts()).containsExactly("p1");
  }

  @Test
  void ingest_correctModeReplacesChangedRecords() {
    ingest(phase("p1", "C1", "100"), phase("p2", "C2", "200"));

    IngestResult result = store.ingest(acme, RecordKind.PHASES,
        List.of(phase("p1", "C1", "150"), phase("p2", "C2", "200"), phase("p3", "C3", "300")),
        IngestMode.CORRECT);

    assertThat(result).isEqualTo(new IngestResult(1, 1, 1, List.of(), 2));
    assertThat(store.get(acme, RecordKind.PHASES, "p1")).contains(phase("p1", "C1", "150"));
    assertThat(store.dataVersion(acme)).isEqualTo(2);
  }

  @Test
  void ingest_anEmptyBatchChangesNothing() {
    assertThat(ingest()).isEqualTo(new IngestResult(0, 0, 0, List.of(), 0));
  }

  @Test
  void ingest_refusesAnIdTwiceInOneBatch() {
    assertThatThrownBy(() -> ingest(phase("p1", "C1", "1"), phase("p1", "C1", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p1");
    assertThat(store.dataVersion(acme)).isZero();
  }

  @Test
  void ingest_largeBatchesAreClassifiedRecordByRecord() {
    // More ids than one lookup query takes, with stored ones spread across the chunks.
    List<DataRecord> first = new ArrayList<>();
    for (int i = 0; i < 1_200; i += 3) {
      first.add(phase(String.format("p%05d", i), "C" + i, "100"));
    }
    store.ingest(acme, RecordKind.PHASES, first, IngestMode.STRICT);
    List<DataRecord> second = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      second.add(phase(String.format("p%05d", i), "C" + i, i % 300 == 0 ? "999" : "100"));
    }

    IngestResult strict = store.ingest(acme, RecordKind.PHASES, second, IngestMode.STRICT);
    IngestResult corrected = store.ingest(acme, RecordKind.PHASES, second, IngestMode.CORRECT);

    assertThat(strict.conflicts()).containsExactly("p00000", "p00300", "p00600", "p00900");
    assertThat(corrected).isEqualTo(new IngestResult(800, 396, 4, List.of(), 2));
    assertThat(store.list(acme, RecordKind.PHASES, 2_000, null).records()).hasSize(1_200);
  }

  @Test
  void ingest_keepsEveryCharacterOfContent() {
    DataRecord odd = record("ü/1 \"quoted\"", "name", "Zoë \"the\" \\ back\\slash\n\t\u0000 end",
        "emoji", "📈 up", "lone", "x\ud800y", "del", "\u007f", "empty", "");

    ingest(odd);

    assertThat(store.get(acme, RecordKind.PHASES, odd.id())).contains(odd);
    assertThat(ingest(odd).unchanged()).isEqualTo(1);
  }

  @Test
  void kindsAreSeparate() {
    ingest(phase("x", "C1", "1"));
    store.ingest(acme, RecordKind.CUSTOMERS, List.of(record("x", "customer_id", "x")), IngestMode.STRICT);

    assertThat(store.get(acme, RecordKind.CUSTOMERS, "x")).contains(record("x", "customer_id", "x"));
    assertThat(store.get(acme, RecordKind.PHASES, "x")).contains(phase("x", "C1", "1"));
    assertThat(store.get(acme, RecordKind.PLANS, "x")).isEmpty();
  }

  // --- retraction ---

  @Test
  void retract_deletesOneRecord_andGrowsTheDataVersion() {
    ingest(phase("p1", "C1", "100"), phase("p2", "C2", "200"));

    assertThat(store.retract(acme, RecordKind.PHASES, "p1")).isEqualTo(OptionalLong.of(2));
    assertThat(store.get(acme, RecordKind.PHASES, "p1")).isEmpty();
    assertThat(store.get(acme, RecordKind.PHASES, "p2")).isPresent();
    assertThat(ingest(phase("p1", "C1", "120")).created()).isEqualTo(1);
    assertThat(store.dataVersion(acme)).isEqualTo(3);
  }

  @Test
  void retract_ofAnUnknownRecordChangesNothing() {
    ingest(phase("p1", "C1", "100"));

    assertThat(store.retract(acme, RecordKind.PHASES, "nope")).isEmpty();
    assertThat(store.retract(acme, RecordKind.CUSTOMERS, "p1")).isEmpty();
    assertThat(store.dataVersion(acme)).isEqualTo(1);
  }

  // --- listing ---

  @Test
  void list_pagesInCodePointOrderOfIds() {
    // Code-point order: upper case before lower case, "b10" before "b9", U+FFFD before U+1F4C8.
    List<String> ids = List.of("a", "B", "b10", "b9", "Z", "é", "\ufffd", "📈", "a b");
    ingest(ids.stream().map(id -> phase(id, "C", "1")).toArray(DataRecord[]::new));
    List<String> expected = ids.stream()
        .sorted(StoreContract::compareCodePoints)
        .toList();

    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      RecordPage page = store.list(acme, RecordKind.PHASES, 2, after);
      page.records().forEach(r -> seen.add(r.id()));
      after = page.next();
      pages++;
    } while (after != null);

    assertThat(expected).startsWith("B", "Z", "a", "a b", "b10", "b9", "é");
    assertThat(seen).isEqualTo(expected);
    assertThat(pages).isEqualTo(5);
  }

  private static int compareCodePoints(String x, String y) {
    int[] a = x.codePoints().toArray();
    int[] b = y.codePoints().toArray();
    return Arrays.compare(a, b);
  }

  @Test
  void list_ofAnExactlyFullLastPageHasNoNext() {
    ingest(phase("a", "C", "1"), phase("b", "C", "1"));

    RecordPage page = store.list(acme, RecordKind.PHASES, 2, null);

    assertThat(page.records()).extracting(DataRecord::id).containsExactly("a", "b");
    assertThat(page.next()).isNull();
    assertThat(store.list(acme, RecordKind.PHASES, 5, "b").records()).isEmpty();
    assertThatThrownBy(() -> store.list(acme, RecordKind.PHASES, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- snapshots ---

  @Test
  void read_seesOneDataVersionOfEveryKind_inIdOrder() {
    ingest(phase("p2", "C2", "2"), phase("p1", "C1", "1"));
    store.ingest(acme, RecordKind.CUSTOMERS, List.of(record("C1", "channel", "web")), IngestMode.STRICT);

    List<String> seen = store.read(acme, snapshot -> {
      List<String> ids = new ArrayList<>();
      ids.add("v" + snapshot.dataVersion());
      snapshot.forEach(RecordKind.PHASES, r -> ids.add(r.id()));
      snapshot.forEach(RecordKind.CUSTOMERS, r -> ids.add(r.id() + "=" + r.fields().get("channel")));
      return ids;
    });

    assertThat(seen).containsExactly("v2", "p1", "p2", "C1=web");
  }

  @Test
  void read_isNotDisturbedByAWriteInTheMiddle() {
    ingest(phase("p1", "C1", "1"));

    List<String> seen = store.read(acme, snapshot -> {
      List<String> ids = new ArrayList<>();
      snapshot.forEach(RecordKind.PHASES, r -> ids.add(r.id()));
      ingest(phase("p2", "C2", "2"));
      snapshot.forEach(RecordKind.PHASES, r -> ids.add(r.id()));
      ids.add("v" + snapshot.dataVersion());
      return ids;
    });

    assertThat(seen).containsExactly("p1", "p1", "v1");
    assertThat(store.dataVersion(acme)).isEqualTo(2);
  }

  // --- isolation ---

  @Test
  void read_findsTheRecordsOfCustomers_throughTheirTrimmedCustomerId() {
    ingest(phase("p1", "C1", "1"), phase("p2", " C2 ", "2"), phase("p3", "C3", "3"),
        phase("p4", "C1", "4"), record("p5", "arr", "5"));
    store.ingest(acme, RecordKind.CUSTOMERS, List.of(record("C1", "customer_id", "C1")),
        IngestMode.STRICT);
    Workspace other = store.createWorkspace("other");
    store.ingest(other, RecordKind.PHASES, List.of(phase("p9", "C1", "9")), IngestMode.STRICT);

    List<String> found = store.read(acme, snapshot -> {
      List<String> ids = new ArrayList<>();
      snapshot.forEachOfCustomers(RecordKind.PHASES, List.of("C1", "C2", "nobody", "bad\u0000id"),
          r -> ids.add(r.id()));
      return ids;
    });

    assertThat(found).containsExactlyInAnyOrder("p1", "p2", "p4");
    assertThatThrownBy(() -> store.read(acme, snapshot -> {
      snapshot.forEachOfCustomers(RecordKind.HEALTH, List.of("C1"), r -> { });
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(phase("x", " C2 ", "1").customerId()).isEqualTo("C2");
    assertThat(record("x", "arr", "1").customerId()).isNull();
  }

  @Test
  void read_findsTheCustomersOfAManyChunkLookup_andSeesCorrectionsMoveARecord() {
    List<DataRecord> many = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      many.add(phase("p" + i, "C" + i, "1"));
    }
    store.ingest(acme, RecordKind.PHASES, many, IngestMode.STRICT);
    store.ingest(acme, RecordKind.PHASES, List.of(phase("p0", "D0", "1")), IngestMode.CORRECT);
    List<String> wanted = IntStream.range(0, 700).mapToObj(i -> "C" + i).toList();

    int[] count = new int[1];
    store.read(acme, snapshot -> {
      snapshot.forEachOfCustomers(RecordKind.PHASES, wanted, r -> count[0]++);
      return null;
    });

    assertThat(count[0]).isEqualTo(699);
  }

  @Test
  void ingest_withAnExpectedDataVersion_storesOnlyIfNothingChangedSince() {
    ingest(phase("p1", "C1", "1"));

    IngestResult ok = store.ingest(acme, RecordKind.PHASES, List.of(phase("p2", "C2", "2")),
        IngestMode.STRICT, 1);
    assertThat(ok.created()).isEqualTo(1);
    assertThat(ok.dataVersion()).isEqualTo(2);

    assertThatThrownBy(() -> store.ingest(acme, RecordKind.PHASES,
            List.of(phase("p3", "C3", "3")), IngestMode.STRICT, 1))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.DATA_VERSION_CHANGED));
    assertThat(store.get(acme, RecordKind.PHASES, "p3")).isEmpty();
    assertThat(store.dataVersion(acme)).isEqualTo(2);
  }

  /**
   * Checks that records stored under schema 1 (before records had a customer_id column) are found
   * by customer once the store has migrated the database: the V2 backfill's SQL works on this
   * database. {@code url} names an empty database; {@code open} opens the store on it.
   */
  static void recordsOfSchemaOneAreFoundByCustomerAfterMigrating(String url,
      java.util.Map<String, String> placeholders, java.util.function.Supplier<Store> open)
      throws java.sql.SQLException {
    org.flywaydb.core.Flyway.configure(StoreContract.class.getClassLoader())
        .dataSource(url, null, null).locations(Migrations.LOCATION).placeholders(placeholders)
        .target("1").load().migrate();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url)) {
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO workspaces VALUES (1, 'old', 1, '2025-01-01T00:00:00Z')");
      }
      try (java.sql.PreparedStatement insert =
          connection.prepareStatement("INSERT INTO records VALUES (1, ?, ?, ?, ?)")) {
        for (String[] row : List.of(
            new String[] {"phases", "p1", "{\"arr\":\"1\",\"customer_id\":\" C1 \"}"},
            new String[] {"fx", "EUR", "{\"currency\":\"EUR\"}"})) {
          insert.setString(1, row[0]);
          insert.setString(2, row[1]);
          insert.setBytes(3, new byte[32]);
          insert.setString(4, row[2]);
          insert.executeUpdate();
        }
      }
    }
    try (Store migrated = open.get()) {
      Workspace old = migrated.findWorkspace("old").orElseThrow();
      List<String> found = migrated.read(old, snapshot -> {
        List<String> ids = new ArrayList<>();
        snapshot.forEachOfCustomers(RecordKind.PHASES, List.of("C1"), r -> ids.add(r.id()));
        return ids;
      });
      assertThat(found).containsExactly("p1");
    }
  }

  @Test
  void create_storesNewRecordsWithoutLookingUp_andRefusesTheWholeBatchIfOneExists() {
    IngestResult created = store.create(acme, RecordKind.PHASES,
        PreparedBatch.of(List.of(phase("p1", "C1", "1"), phase("p2", "C2", "2"))), 0);
    assertThat(created.created()).isEqualTo(2);
    assertThat(created.dataVersion()).isEqualTo(1);

    assertThatThrownBy(() -> store.create(acme, RecordKind.PHASES,
            PreparedBatch.of(List.of(phase("p3", "C3", "3"), phase("p1", "C1", "1"))), 1))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.RECORD_EXISTS));
    assertThatThrownBy(() -> store.create(acme, RecordKind.PHASES,
            PreparedBatch.of(List.of(phase("p4", "C4", "4"))), 0))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.DATA_VERSION_CHANGED));
    assertThat(store.get(acme, RecordKind.PHASES, "p3")).isEmpty();
    assertThat(store.dataVersion(acme)).isEqualTo(1);
    assertThat(store.create(acme, RecordKind.PHASES, PreparedBatch.of(List.of(
        phase("p3", "C3", "3"))), Store.ANY_DATA_VERSION).dataVersion()).isEqualTo(2);
    List<String> ofC3 = store.read(acme, snapshot -> {
      List<String> ids = new ArrayList<>();
      snapshot.forEachOfCustomers(RecordKind.PHASES, List.of("C3"), r -> ids.add(r.id()));
      return ids;
    });
    assertThat(ofC3).containsExactly("p3");
  }

  @Test
  void workspacesNeverSeeEachOthersRecords() {
    Workspace other = store.createWorkspace("other");
    ingest(phase("p1", "C1", "100"), phase("p2", "C2", "200"));

    IngestResult theirs = store.ingest(other, RecordKind.PHASES,
        List.of(phase("p1", "X1", "999")), IngestMode.STRICT);

    assertThat(theirs).isEqualTo(new IngestResult(1, 0, 0, List.of(), 1));
    assertThat(store.get(other, RecordKind.PHASES, "p1")).contains(phase("p1", "X1", "999"));
    assertThat(store.get(acme, RecordKind.PHASES, "p1")).contains(phase("p1", "C1", "100"));
    assertThat(store.get(other, RecordKind.PHASES, "p2")).isEmpty();
    assertThat(store.list(other, RecordKind.PHASES, 10, null).records())
        .extracting(DataRecord::id).containsExactly("p1");
    assertThat(store.retract(other, RecordKind.PHASES, "p2")).isEmpty();
    List<String> snapshotIds = store.read(other, snapshot -> {
      List<String> ids = new ArrayList<>();
      snapshot.forEach(RecordKind.PHASES, r -> ids.add(r.id()));
      return ids;
    });
    assertThat(snapshotIds).containsExactly("p1");
    assertThat(store.dataVersion(acme)).isEqualTo(1);
    assertThat(store.dataVersion(other)).isEqualTo(1);
  }

  @Test
  void malformedIdsAndNamesFindNothing_insteadOfUpsettingTheDatabase() {
    ingest(phase("p1", "C1", "100"));
    NewKey key = store.createKey(acme, KeyScope.READ, null);

    assertThat(store.get(acme, RecordKind.PHASES, "p1\u0000")).isEmpty();
    assertThat(store.get(acme, RecordKind.PHASES, "x".repeat(300))).isEmpty();
    assertThat(store.retract(acme, RecordKind.PHASES, "p\ud800")).isEmpty();
    assertThat(store.findWorkspace("acme\u0000")).isEmpty();
    assertThat(store.findActiveKey(key.secret() + "\u0000")).isEmpty();
    assertThat(store.revokeKey(acme, key.key().id() + "\u0000")).isFalse();
    assertThatThrownBy(() -> store.list(acme, RecordKind.PHASES, 10, "a\u0000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.createKey(acme, KeyScope.READ, "bad\nname"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.dataVersion(acme)).isEqualTo(1);
  }

  // --- keys ---

  @Test
  void createKey_returnsItsSecretOnce_andFindsTheKeyByIt() {
    NewKey created = store.createKey(acme, KeyScope.WRITE, "ci");

    assertThat(created.secret()).startsWith("upk_").hasSize(47);
    assertThat(created.toString()).doesNotContain(created.secret());
    ApiKey found = store.findActiveKey(created.secret()).orElseThrow();
    assertThat(found).isEqualTo(created.key());
    assertThat(found.workspace()).isEqualTo(acme);
    assertThat(found.scope()).isEqualTo(KeyScope.WRITE);
    assertThat(found.label()).contains("ci");
    assertThat(store.findActiveKey(created.secret() + "x")).isEmpty();
    assertThat(store.findActiveKey("upk_")).isEmpty();
  }

  @Test
  void keys_areListedWithoutSecrets_andRevokedKeysNoLongerOpen() {
    NewKey admin = store.createKey(acme, KeyScope.ADMIN, null);
    NewKey reader = store.createKey(acme, KeyScope.READ, "dashboard");

    assertThat(store.revokeKey(acme, reader.key().id())).isTrue();
    assertThat(store.revokeKey(acme, reader.key().id())).isTrue();
    assertThat(store.revokeKey(acme, "key_unknown")).isFalse();

    assertThat(store.findActiveKey(reader.secret())).isEmpty();
    assertThat(store.findActiveKey(admin.secret())).isPresent();
    List<ApiKey> keys = store.listKeys(acme);
    assertThat(keys).extracting(ApiKey::id).containsExactlyInAnyOrder(admin.key().id(), reader.key().id());
    assertThat(keys).filteredOn(ApiKey::active).extracting(ApiKey::id).containsExactly(admin.key().id());
    assertThat(keys).filteredOn(k -> !k.active()).singleElement()
        .satisfies(k -> assertThat(k.revokedAt()).isAfterOrEqualTo(k.createdAt()));
  }

  @Test
  void keys_belongToOneWorkspace() {
    Workspace other = store.createWorkspace("other");
    NewKey theirs = store.createKey(other, KeyScope.ADMIN, null);

    assertThat(store.listKeys(acme)).isEmpty();
    assertThat(store.revokeKey(acme, theirs.key().id())).isFalse();
    assertThat(store.findActiveKey(theirs.secret())).map(ApiKey::workspace).contains(other);
  }

  // --- durability and concurrency ---

  @Test
  void dataSurvivesReopening() {
    ingest(phase("p1", "C1", "100"));
    NewKey key = store.createKey(acme, KeyScope.READ, null);
    store.close();

    store = open();

    assertThat(store.findWorkspace("acme")).contains(acme);
    assertThat(store.get(acme, RecordKind.PHASES, "p1")).contains(phase("p1", "C1", "100"));
    assertThat(store.findActiveKey(key.secret())).isPresent();
    assertThat(store.dataVersion(acme)).isEqualTo(1);
  }

  @Test
  void concurrentBatches_neverDuplicateOrLoseARecord() throws Exception {
    int threads = 4;
    int batches = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<List<IngestResult>>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      work.add(() -> {
        List<IngestResult> results = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
          List<DataRecord> batch = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            batch.add(phase("t" + thread + "-" + b + "-" + i, "C", "1"));
          }
          for (int i = 0; i < 10; i++) {
            // The same records from every thread: created once, unchanged for the others.
            batch.add(phase("shared-" + b + "-" + i, "S", "2"));
          }
          results.add(store.ingest(acme, RecordKind.PHASES, batch, IngestMode.STRICT));
        }
        return results;
      });
    }
    List<IngestResult> results = new ArrayList<>();
    try {
      for (Future<List<IngestResult>> future : pool.invokeAll(work, 2, TimeUnit.MINUTES)) {
        results.addAll(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results).hasSize(threads * batches).allMatch(IngestResult::stored);
    assertThat(results.stream().mapToInt(IngestResult::created).sum())
        .isEqualTo(threads * batches * 40 + batches * 10);
    assertThat(results.stream().mapToInt(IngestResult::unchanged).sum())
        .isEqualTo((threads - 1) * batches * 10);
    assertThat(results).extracting(IngestResult::dataVersion)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, threads * batches).asLongStream().boxed().toList());
    assertThat(store.dataVersion(acme)).isEqualTo(threads * batches);
    assertThat(store.list(acme, RecordKind.PHASES, 10_000, null).records())
        .hasSize(threads * batches * 40 + batches * 10);
  }
}
