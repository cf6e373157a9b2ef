package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.server.ingest.Importer;
import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upshift import}: the §8.3 rules for a folder of §1 files. */
class ImporterTest {
  @TempDir Path dir;
  Store store;
  Workspace acme;
  List<String> progress = new ArrayList<>();

  @BeforeEach
  void open() {
    store = Store.openDataDir(dir.resolve("data"));
    acme = store.createWorkspace("acme");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Importer importer(int batchSize) {
    return new Importer(store, batchSize, progress::add);
  }

  private Path folder(String name, Map<String, String> files) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue());
    }
    return folder;
  }

  @Test
  void theSampleIsLoaded_andLoadingItAgainChangesNothing() {
    Importer.Imported first = importer(500).run(acme, ReportsTest.demo(), IngestMode.STRICT);
    Importer.Imported again = importer(500).run(acme, ReportsTest.demo(), IngestMode.STRICT);

    assertThat(first.counts().get(RecordKind.PHASES).created()).isEqualTo(1676);
    assertThat(first.counts().get(RecordKind.CUSTOMERS).created()).isEqualTo(300);
    assertThat(first.counts().get(RecordKind.FX).created()).isEqualTo(3);
    assertThat(again.counts().get(RecordKind.PHASES).unchanged()).isEqualTo(1676);
    assertThat(again.counts().get(RecordKind.PHASES).created()).isZero();
    assertThat(again.dataVersion()).isEqualTo(first.dataVersion());
    DataRecord second = store.get(acme, RecordKind.PHASES, "subscriptions.csv:2").orElseThrow();
    assertThat(second.fields()).containsEntry("customer_id", "C000001");
    assertThat(progress).anyMatch(line -> line.startsWith("subscriptions.csv: 1,676 records"));
  }

  @Test
  void anErrorInTheFiles_storesNothing_andNamesFileAndLine() throws IOException {
    Path folder = folder("bad", Map.of(
        "subscriptions.csv", "customer_id,seats,arr,start_date\nC1,12.5,100,2026-01-01\n",
        "customers.csv", "customer_id,region\nC1,EMEA\n"));

    InputException e = catchThrowableOfType(InputException.class,
        () -> importer(10).run(acme, folder, IngestMode.STRICT));

    assertThat(e.errors()).extracting(InputError::toString).containsExactly(
        folder.resolve("subscriptions.csv") + ":2: column seats: \"12.5\" is not a whole number");
    assertThat(store.dataVersion(acme)).isZero();
  }

  @Test
  void aClashWithStoredRecords_storesNothingOfTheKind() throws IOException {
    store.ingest(acme, RecordKind.PHASES, List.of(DataRecord.of("stored", Map.of(
        "customer_id", "C1", "arr", "100", "start_date", "2026-01-01", "end_date", "2026-06-01"))),
        IngestMode.STRICT);
    StringBuilder rows = new StringBuilder("customer_id,arr,start_date\n");
    for (int i = 0; i < 30; i++) {
      rows.append("C").append(i + 10).append(",100,2026-01-01\n");
    }
    rows.append("C1,200,2026-03-01\n");
    Path folder = folder("clash", Map.of("subscriptions.csv", rows.toString()));

    Importer.Refused e = catchThrowableOfType(Importer.Refused.class,
        () -> importer(10).run(acme, folder, IngestMode.STRICT));

    assertThat(e.errors()).hasSize(1);
    InputError error = e.errors().get(0);
    assertThat(error.line()).isEqualTo(32);
    assertThat(error.code()).isEqualTo(InputErrorCode.OVERLAP);
    assertThat(error.reason()).contains("in record \"stored\"");
    assertThat(store.list(acme, RecordKind.PHASES, 100, null).records()).hasSize(1);
  }

  @Test
  void anIdColumn_givesTheIds_andIsCheckedLikeTheApiChecksThem() throws IOException {
    Path good = folder("ids", Map.of("subscriptions.csv",
        "id,customer_id,arr,start_date\nfirst,C1,100,2026-01-01\n,C2,200,2026-01-01\n"));
    Path twice = folder("twice", Map.of("subscriptions.csv",
        "customer_id,ID,arr,start_date\nC1,x,100,2026-01-01\n\nC2,x,200,2026-01-01\n"
            + "C3,y,-5,2026-01-01\n"));

    importer(10).run(acme, good, IngestMode.STRICT);
    InputException e = catchThrowableOfType(InputException.class,
        () -> importer(10).run(acme, twice, IngestMode.STRICT));

    assertThat(store.get(acme, RecordKind.PHASES, "first")).isPresent();
    assertThat(store.get(acme, RecordKind.PHASES, "subscriptions.csv:3")).isPresent();
    assertThat(e.errors()).extracting(InputError::toString).containsExactly(
        twice.resolve("subscriptions.csv") + ":4: column id: id \"x\" is also the id of the row on"
            + " line 2");
    InputException negative = catchThrowableOfType(InputException.class,
        () -> importer(10).run(acme, folder("neg", Map.of("subscriptions.csv",
            "customer_id,id,arr,start_date\nC1,a,100,2026-01-01\n\nC3,y,-5,2026-01-01\n")),
            IngestMode.STRICT));
    assertThat(negative.errors()).extracting(InputError::line).containsExactly(4L);
  }

  @Test
  void changedRecords_needCorrect() throws IOException {
    Path v1 = folder("v1", Map.of("plans.csv", "product,plan,tier\nplatform,Gold,3\n"));
    Path v2 = folder("v2", Map.of("plans.csv", "product,plan,tier\nplatform,Gold,4\n"));
    importer(10).run(acme, v1, IngestMode.STRICT);

    Importer.Refused refused = catchThrowableOfType(Importer.Refused.class,
        () -> importer(10).run(acme, v2, IngestMode.STRICT));
    Importer.Imported corrected = importer(10).run(acme, v2, IngestMode.CORRECT);

    assertThat(refused.errors()).extracting(InputError::code)
        .containsExactly(InputErrorCode.CHANGED_RECORD);
    assertThat(corrected.counts().get(RecordKind.PLANS).corrected()).isEqualTo(1);
    assertThat(store.get(acme, RecordKind.PLANS, "plans.csv:2").orElseThrow().fields())
        .containsEntry("tier", "4");
  }

  @Test
  void aNulCharacter_isRefusedBeforeAnythingIsStored() throws IOException {
    Path folder = folder("nul", Map.of("subscriptions.csv",
        "customer_id,arr,start_date\nC1,100,2026-01-01\nC\u00002,100,2026-01-01\n"));

    InputException e = catchThrowableOfType(InputException.class,
        () -> importer(10).run(acme, folder, IngestMode.STRICT));

    assertThat(e.errors().get(0).code()).isEqualTo(InputErrorCode.BAD_VALUE);
    assertThat(e.errors().get(0).line()).isEqualTo(3);
    assertThat(store.dataVersion(acme)).isZero();
  }

  @Test
  void phasesInAnotherCurrency_mayUseTheStoredRates() throws IOException {
    store.ingest(acme, RecordKind.FX, List.of(DataRecord.of("EUR", Map.of("currency", "EUR",
        "rate", "1.1"))), IngestMode.STRICT);
    Path folder = folder("eur", Map.of("subscriptions.csv",
        "customer_id,arr,currency,start_date\nC1,100,EUR,2026-01-01\n"));

    Importer.Imported imported = importer(10).run(acme, folder, IngestMode.STRICT);

    assertThat(imported.counts().get(RecordKind.PHASES).created()).isEqualTo(1);
  }
}
