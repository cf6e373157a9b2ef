package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.analysis.Initiative;
import dev.upshift.input.Dataset;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records held in memory read by the same rules as files (the service's batches, §8.3). */
class RecordTableTest {
  @TempDir Path dir;

  private static RecordTable.Row row(String id, String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new RecordTable.Row(id, fields);
  }

  private static RecordTable phases(RecordTable.Row... rows) {
    return RecordTable.of("phases", List.of(rows));
  }

  private static List<String> errors(InputRecords records) {
    InputException e = catchThrowableOfType(InputException.class, () -> DatasetReader.read(records));
    assertThat(e).as("an input error").isNotNull();
    return e.errors().stream()
        .map(error -> error.line() + " " + error.column() + " " + error.code().code() + ": "
            + error.reason())
        .toList();
  }

  @Test
  void recordsReadAsTheSameRowsOfAFileWould() {
    Fixture fixture = new Fixture(dir);
    Dataset fromFile = DatasetReader.read(fixture.subscriptions("""
        customer_id,product,plan,tier,seats,mrr,start_date,end_date
        C1,platform,Standard,1,10,100.5,2026-01-01,2026-03-01
        C1,platform,Premium,2,10,150,2026-03-01,
        """)).dataset();

    Dataset fromRecords = DatasetReader.read(InputRecords.of(phases(
        row("a", "customer_id", "C1", "product", "platform", "plan", "Standard", "tier", "1",
            "seats", "10", "mrr", "100.5", "start_date", "2026-01-01", "end_date", "2026-03-01"),
        row("b", " Customer_ID ", "C1", "PRODUCT", "platform", "plan", "Premium", "tier", "2",
            "seats", "10", "mrr", "150", "start_date", "2026-03-01"))));

    assertThat(fromRecords.phases()).isEqualTo(fromFile.phases());
    assertThat(fromRecords.summary()).isEqualTo(fromFile.summary());
  }

  @Test
  void everyErrorOfEveryRecord_atItsLine_withTheFileRulesCodes() {
    List<String> errors = errors(InputRecords.of(phases(
        row("ok", "customer_id", "C1", "arr", "100", "start_date", "2026-01-01"),
        row("bad", "customer_id", "C2", "seats", "12.5", "arr", "-1", "start_date", "2026-13-01"),
        row("typo", "customer_id", "C3", "arr", "100", "start_date", "2026-01-01", "seat", "4"),
        row("twice", "customer_id", "C4", "arr", "100", "ARR", "200", "start_date", "2026-01-01"),
        row("empty"))));

    assertThat(errors).containsExactly(
        "3 seats not_whole_number: \"12.5\" is not a whole number",
        "3 arr negative_value: \"-1\" is negative; a price must be 0 or more",
        "3 start_date bad_date: \"2026-13-01\" is not a valid calendar date",
        "4 seat unknown_column: unknown field; expected one of customer_id, line_id, product,"
            + " plan, tier, seats, arr, mrr, amount, billing_period, currency, start_date,"
            + " end_date, signed_date, cancel_signed_date, status, kind (a misspelt field would"
            + " silently lose its data)",
        "5 arr duplicate_column: field given twice (names are case-insensitive); keep one",
        "6 customer_id missing_value: is empty; every row needs a customer_id",
        "6 arr price_form_count: no price; fill exactly one of arr, mrr or amount (with"
            + " billing_period)",
        "6 start_date missing_value: is empty; every row needs a start_date");
  }

  @Test
  void overlapsNameTheOtherRecordById() {
    RecordTable table = phases(
        row("stored-1", "customer_id", "C1", "arr", "100", "start_date", "2026-01-01",
            "end_date", "2026-06-01"),
        row("new-1", "customer_id", "C1", "arr", "200", "start_date", "2026-03-01"));

    List<String> errors = errors(InputRecords.of(table));

    assertThat(errors).containsExactly("3 start_date overlap: phase starting 2026-03-01 overlaps"
        + " the phase in record \"stored-1\" (2026-01-01 to 2026-06-01) of customer \"C1\","
        + " line \"default\"");
    assertThat(table.indexOf(3)).isEqualTo(1);
    assertThat(table.indexOf(1)).isEqualTo(-1);
  }

  @Test
  void optionalKinds_crossRecordRulesNameRecords_andCurrenciesNeedTheirRates() {
    InputRecords records = InputRecords.of(phases(
            row("p1", "customer_id", "C1", "arr", "100", "currency", "EUR",
                "start_date", "2026-01-01"),
            row("p2", "customer_id", "C2", "arr", "100", "currency", "GBP",
                "start_date", "2026-01-01")))
        .withFx(RecordTable.of("fx", List.of(row("EUR", "currency", "EUR", "rate", "1.08"))))
        .withCustomers(RecordTable.of("customers", List.of(
            row("C1", "customer_id", "C1", "Region", "EMEA"),
            row("C1-again", "customer_id", "C1", "region", "NA"))));

    List<String> errors = errors(records);

    assertThat(errors).containsExactly(
        "3 customer_id duplicate_key: customer \"C1\" is already listed in record \"C1\"; list"
            + " each customer once",
        "3 currency unknown_currency: unknown currency \"GBP\" without a rate in fx");
  }

  @Test
  void validRecordsOfEveryOptionalKind() {
    Dataset dataset = DatasetReader.read(InputRecords.of(phases(
            row("p1", "customer_id", "C1", "arr", "100", "currency", "EUR",
                "start_date", "2026-01-01")))
        .withFx(RecordTable.of("fx", List.of(row("EUR", "currency", "EUR", "rate", "1.08"))))
        .withPlans(RecordTable.of("plans", List.of(row("p", "plan", "Gold", "tier", "3"))))
        .withHealth(RecordTable.of("health", List.of(
            row("h", "customer_id", "C1", "date", "2026-01-05", "score", "70"))))
        .withTargets(RecordTable.of("targets", List.of(
            row("t", "metric", "upsellRate", "period", "2026", "value", "40"))))
        .withCustomers(RecordTable.of("customers", List.of(
            row("C1", "customer_id", "C1", "Region", "EMEA")))));

    Phase phase = dataset.phases().get(0);
    assertThat(phase.arrMicros()).isEqualTo(108_000_000L);
    assertThat(dataset.customers().names()).containsExactly("region");
    assertThat(dataset.plans().tier("default", "Gold")).hasValue(3);
    assertThat(dataset.targets()).hasSize(1);
  }

  @Test
  void initiativesFromRecords() {
    List<Initiative> read = InitiativesReader.read(RecordTable.of("initiatives", List.of(
        row("Outreach", "name", "Outreach", "launch_date", "2026-02-01",
            "segment", "channel=sales"))));
    assertThat(read).extracting(Initiative::name).containsExactly("Outreach");

    InputException e = catchThrowableOfType(InputException.class,
        () -> InitiativesReader.read(RecordTable.of("initiatives", List.of(
            row("a", "name", "X", "launch_date", "2026-02-01"),
            row("b", "name", "X", "launch_date", "soon"),
            row("c")))));
    assertThat(e.errors()).extracting(InputError::toString).containsExactly(
        "initiatives:3: column name: initiative \"X\" is already defined in record \"a\"",
        "initiatives:3: column launch_date: \"soon\" is not a date (yyyy-MM-dd)",
        "initiatives:4: column name: missing value",
        "initiatives:4: column launch_date: missing value");
  }

  @Test
  void csvText_givesRecordsWithIdsAndTheirLines() {
    String csv = "\uFEFFid,Customer_ID,arr,start_date\r\n"
        + "p1,C1,100,2026-01-01\r\n\r\n"
        + "p2,\"C,2\",,2026-02-01\r\n";
    RecordTable.Parsed parsed = RecordTable.parseCsv("phases",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "id");

    assertThat(parsed.table().rows()).containsExactly(
        row("p1", "customer_id", "C1", "arr", "100", "start_date", "2026-01-01"),
        row("p2", "customer_id", "C,2", "start_date", "2026-02-01"));
    assertThat(parsed.lines()).containsExactly(2, 4);
  }

  @Test
  void csvText_thatIsNotCsv_failsWithItsLines() {
    InputException e = catchThrowableOfType(InputException.class, () -> RecordTable.parseCsv(
        "phases", new ByteArrayInputStream("id,arr\np1,1,2\np2,\"x\n".getBytes(
            StandardCharsets.UTF_8)), "id"));

    assertThat(e.errors()).extracting(InputError::line, error -> error.code())
        .contains(org.assertj.core.groups.Tuple.tuple(2L, InputErrorCode.RAGGED_ROW));
    assertThat(e.errors()).extracting(error -> error.code())
        .contains(InputErrorCode.UNTERMINATED_QUOTE);
  }
}
