package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Phase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports not written for Upshift: mapped and ignored columns, inclusive end dates, separators. */
class ColumnMappingTest {
  private static final String CLEAN = """
      customer_id,line_id,mrr,start_date,end_date
      acme,s1,100,2025-01-01,2025-04-01
      acme,s1,150,2025-04-01,
      beta,s2,80.5,2025-02-01,2025-03-01
      """;

  /** The same rows as an export: other names, an extra column, inclusive end dates. */
  private static final String EXPORT = """
      Subscription_ID,account,monthly_amount,start_date,end_date,sales_rep
      s1,acme,100,2025-01-01,2025-03-31,Ann
      s1,acme,150,2025-04-01,,Ann
      s2,beta,80.5,2025-02-01,2025-02-28,Bob
      """;

  @TempDir
  Path dir;

  private Fixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
  }

  private InputFiles export() {
    return InputFiles.of(fixture.write("export.csv", EXPORT))
        .withMapping(ColumnMapping.parse(
            List.of("subscription_id=line_id", "account=customer_id", "monthly_amount=mrr"),
            List.of("sales_rep")))
        .withEndDates(EndDates.INCLUSIVE);
  }

  @Test
  void aMappedExportReadsAsTheCleanFileOnBothPaths() {
    List<Phase> clean = fixture.phases(CLEAN);

    for (boolean fastPath : new boolean[] {true, false}) {
      List<Phase> mapped = DatasetReader.read(export(), bytes -> { }, fastPath).dataset().phases();
      assertThat(mapped).as("fast path " + fastPath).usingRecursiveComparison()
          .ignoringFields("line").isEqualTo(clean);
    }
    assertThat(clean.get(0).end()).isEqualTo(LocalDate.of(2025, 4, 1));
  }

  @Test
  void withoutTheMappingEveryUnknownColumnAndEveryRowErrorIsListed() {
    String text = """
        customer_id,monthly_amount,start_date,sales_rep
        acme,100,2025-01-01,Ann
        ,100,2025-02-01,Bob
        beta,100,2025-13-01,Cy
        """;

    List<String> errors = fixture.errors(text);

    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("subscriptions.csv:1: column monthly_amount: unknown column")
        .endsWith("if it holds mrr: --map monthly_amount=mrr; to leave it out:"
            + " --ignore-columns monthly_amount");
    assertThat(errors.get(1)).startsWith("subscriptions.csv:1: column sales_rep: unknown column")
        .endsWith("to leave it out deliberately: --ignore-columns sales_rep");
    assertThat(errors.get(2)).isEqualTo("subscriptions.csv:1: column arr: missing price column;"
        + " the header needs arr, mrr or amount (with billing_period)");
    assertThat(fixture.codes(text)).containsExactly(InputErrorCode.UNKNOWN_COLUMN,
        InputErrorCode.UNKNOWN_COLUMN, InputErrorCode.MISSING_COLUMN);
  }

  @Test
  void rowsAreStillCheckedBesideAnUnknownColumn() {
    String text = """
        customer_id,arr,start_date,sales_rep
        acme,100,2025-01-01,Ann
        ,100,2025-02-01,Bob
        beta,100,2025-13-01,Cy
        """;

    assertThat(fixture.codes(text)).containsExactly(InputErrorCode.UNKNOWN_COLUMN,
        InputErrorCode.MISSING_VALUE, InputErrorCode.BAD_DATE);
  }

  @Test
  void anIgnoredColumnIsNotRead() {
    String text = "customer_id,arr,start_date,seats\nacme,100,2025-01-01,lots\n";
    InputFiles files = fixture.subscriptions(text)
        .withMapping(ColumnMapping.parse(List.of(), List.of("seats")));

    assertThat(Fixture.read(files).dataset().phases()).singleElement()
        .extracting(Phase::seats).isEqualTo(0);
  }

  @Test
  void aRenameOntoAColumnTheFileHasIsADuplicate() {
    InputFiles files = fixture.subscriptions("customer_id,arr,mrr2,start_date\nacme,1,2,2025-01-01\n")
        .withMapping(ColumnMapping.parse(List.of("mrr2=arr"), List.of()));

    assertThat(fixture.errors(files)).containsExactly("subscriptions.csv:1: column arr: appears"
        + " twice in the header (columns 2 and 3) after --map; keep one");
  }

  @Test
  void anUnscopedCustomerIdRenameAppliesToCustomersToo() {
    Path subscriptions = fixture.write("subscriptions.csv", "account,arr,start_date\nacme,1,2025-01-01\n");
    Path customers = fixture.write("customers.csv", "Account,region,owner\nacme,EU,Ann\n");
    InputFiles files = InputFiles.of(subscriptions).withCustomers(customers)
        .withMapping(ColumnMapping.parse(List.of("account=customer_id", "customers:region=area"),
            List.of("customers:owner")));

    var dataset = Fixture.read(files).dataset();

    assertThat(dataset.customers().names()).containsExactly("area");
    assertThat(dataset.phases()).singleElement().extracting(Phase::customerId).isEqualTo("acme");
  }

  @Test
  void mappingsThatCannotBeRightAreRefused() {
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("monthly_amount=mrrr"), List.of()))
        .hasMessageStartingWith("--map monthly_amount=mrrr: no input file has a column mrrr");
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("orders:x=arr"), List.of()))
        .hasMessageStartingWith("--map orders:x=arr: 'orders' is not a kind of input file");
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("subscriptions:x=region"), List.of()))
        .hasMessageStartingWith("--map subscriptions:x=region: subscriptions.csv has no column"
            + " region");
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("a=arr", "a=mrr"), List.of()))
        .hasMessage("--map a=arr and --map a=mrr rename the same column two ways");
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("a=arr"), List.of("a")))
        .hasMessageContaining("both mapped (--map) and ignored");
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("monthly_amount"), List.of()))
        .hasMessageStartingWith("--map takes SOURCE=TARGET");
  }

  @Test
  void aSemicolonOrTabSeparatedFileIsNamedAsSuch() {
    assertThat(fixture.errors("customer_id;arr;start_date\nacme;1;2025-01-01\n"))
        .containsExactly("subscriptions.csv:1: the file looks semicolon-separated; Upshift reads"
            + " comma-separated CSV (RFC 4180): save or export it with commas");
    assertThat(fixture.codes("customer_id\tarr\tstart_date\nacme\t1\t2025-01-01\n"))
        .containsExactly(InputErrorCode.WRONG_SEPARATOR);
  }

  @Test
  void inclusiveEndDatesAllowAOneDayPhaseAndExplainAnEndBeforeTheStart() {
    InputFiles oneDay = fixture.subscriptions("customer_id,arr,start_date,end_date\n"
        + "acme,1,2025-01-01,2025-01-01\n").withEndDates(EndDates.INCLUSIVE);
    assertThat(Fixture.read(oneDay).dataset().phases()).singleElement()
        .extracting(Phase::end).isEqualTo(LocalDate.of(2025, 1, 2));

    InputFiles backwards = fixture.subscriptions("customer_id,arr,start_date,end_date\n"
        + "acme,1,2025-01-02,2025-01-01\n").withEndDates(EndDates.INCLUSIVE);
    assertThat(fixture.errors(backwards)).containsExactly("subscriptions.csv:2: column end_date:"
        + " end_date 2025-01-01 is before start_date 2025-01-02; with inclusive end dates end_date"
        + " is the last day in force");
  }

  @Test
  void oneDayGapsBeforeMostNextPhasesLookInclusive() {
    String gaps = """
        customer_id,arr,start_date,end_date
        a,1,2025-01-01,2025-01-31
        a,2,2025-02-01,2025-02-28
        a,3,2025-03-01,
        b,1,2025-01-01,2025-05-31
        b,1,2025-06-01,
        c,1,2025-01-01,2025-02-01
        c,1,2025-02-01,
        """;

    EndDateGaps read = EndDateGaps.of(Fixture.read(fixture.subscriptions(gaps)).dataset().table());
    assertThat(read).isEqualTo(new EndDateGaps(4, 1, 3));
    assertThat(read.looksInclusive()).isTrue();
    assertThat(read.warning()).startsWith("3 of 4 phases followed by another phase of their line"
        + " end one day before it starts");

    String withoutC = gaps.substring(0, gaps.indexOf("c,"));
    EndDateGaps fixed = EndDateGaps.of(Fixture.read(fixture.subscriptions(withoutC)
        .withEndDates(EndDates.INCLUSIVE)).dataset().table());
    assertThat(fixed).isEqualTo(new EndDateGaps(3, 3, 0));
    assertThat(fixed.looksInclusive()).isFalse();
  }

  @Test
  void aLongHistoryIsCountedInStartOrder_whateverTheRowOrder() {
    // 40 monthly phases of one line, each ending the day before the next starts, plus a second
    // line of 3 phases that touch: more rows than the small-customer sort handles, in reverse.
    List<dev.upshift.input.Phase> phases = new java.util.ArrayList<>();
    java.time.LocalDate month = java.time.LocalDate.of(2022, 1, 1);
    for (int i = 0; i < 40; i++) {
      phases.add(dev.upshift.input.Phase.builder("acme").lineId("L1").seats(1).arr("1200")
          .from(month.plusMonths(i)).until(month.plusMonths(i + 1).minusDays(1)).build());
    }
    for (int i = 0; i < 3; i++) {
      phases.add(dev.upshift.input.Phase.builder("acme").lineId("L2").seats(1).arr("600")
          .from(month.plusMonths(i)).until(month.plusMonths(i + 1)).build());
    }
    java.util.Collections.reverse(phases);

    EndDateGaps counted = EndDateGaps.of(dev.upshift.input.Dataset.of(phases).table());

    assertThat(counted).isEqualTo(new EndDateGaps(39 + 2, 2, 39));
  }

  @Test
  void cleanExclusiveDataDoesNotLookInclusive() {
    assertThat(EndDateGaps.of(Fixture.read(fixture.subscriptions(CLEAN)).dataset().table()))
        .isEqualTo(new EndDateGaps(1, 1, 0))
        .matches(gaps -> !gaps.looksInclusive());
  }

  @Test
  void nearMissesAndCommonExportNamesAreGuessed() {
    List<String> known = SubscriptionColumns.NAMES;
    assertThat(ColumnHints.guess("monthly_amount", known)).isEqualTo("mrr");
    assertThat(ColumnHints.guess("subscription_id", known)).isEqualTo("line_id");
    assertThat(ColumnHints.guess("start-date", known)).isEqualTo("start_date");
    assertThat(ColumnHints.guess("custmer_id", known)).isEqualTo("customer_id");
    assertThat(ColumnHints.guess("sales_rep", known)).isNull();
  }
}
