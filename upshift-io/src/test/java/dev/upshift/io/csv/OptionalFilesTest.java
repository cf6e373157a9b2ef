package dev.upshift.io.csv;

import static dev.upshift.input.InputErrorCode.BAD_CURRENCY_CODE;
import static dev.upshift.input.InputErrorCode.BAD_DATE;
import static dev.upshift.input.InputErrorCode.BAD_NUMBER;
import static dev.upshift.input.InputErrorCode.BAD_PERIOD;
import static dev.upshift.input.InputErrorCode.BAD_RATE;
import static dev.upshift.input.InputErrorCode.BAD_SCORE;
import static dev.upshift.input.InputErrorCode.BAD_SEGMENT;
import static dev.upshift.input.InputErrorCode.DUPLICATE_COLUMN;
import static dev.upshift.input.InputErrorCode.DUPLICATE_KEY;
import static dev.upshift.input.InputErrorCode.MISSING_COLUMN;
import static dev.upshift.input.InputErrorCode.MISSING_VALUE;
import static dev.upshift.input.InputErrorCode.NOT_WHOLE_NUMBER;
import static dev.upshift.input.InputErrorCode.RAGGED_ROW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.Dataset;
import dev.upshift.input.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** customers.csv, plans.csv, health.csv, targets.csv and fx.csv (§1.2, §10). */
class OptionalFilesTest {
  @TempDir Path dir;
  Fixture fixture;
  InputFiles base;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
    base = fixture.subscriptions("customer_id,arr,start_date\nC1,100,2026-01-01\n");
  }

  private Dataset read(InputFiles files) {
    return Fixture.read(files).dataset();
  }

  private Path file(String name, String text) {
    return fixture.write(name, text);
  }

  // customers.csv

  @Test
  void customerAttributesAreEveryOtherColumn_namesCaseInsensitive() {
    Dataset dataset = read(base.withCustomers(file("customers.csv", """
        \uFEFFCustomer_ID, Region ,Channel,Notes
        C1,EMEA,"Partner, reseller",
        C2,,Direct,"multi
        line"
        """.replace("\n", "\r\n"))));

    var customers = dataset.customers();
    assertThat(customers.names()).containsExactly("region", "channel", "notes");
    assertThat(customers.value("C1", "REGION")).hasValue("EMEA");
    assertThat(customers.value("C1", "channel")).hasValue("Partner, reseller");
    assertThat(customers.value("C2", "region")).isEmpty();
    assertThat(customers.value("C2", "notes")).hasValue("multi\r\nline");
    assertThat(customers.size()).isEqualTo(2);
  }

  @Test
  void duplicateCustomerIsAnError() {
    InputFiles files = base.withCustomers(file("customers.csv", """
        customer_id,region
        C1,EMEA
        C2,APAC
        C1,AMER
        """));

    assertThat(fixture.codes(files)).containsExactly(DUPLICATE_KEY);
    assertThat(fixture.errors(files)).containsExactly("customers.csv:4: column customer_id:"
        + " customer \"C1\" is already listed on line 2; list each customer once");
  }

  @Test
  void attributeNamesDifferingOnlyInCaseAreDuplicates() {
    InputFiles files = base.withCustomers(file("customers.csv", "customer_id,Region,REGION\nC1,a,b\n"));

    assertThat(fixture.codes(files)).containsExactly(DUPLICATE_COLUMN);
    assertThat(fixture.errors(files)).containsExactly(
        "customers.csv:1: column region: appears twice in the header (columns 2 and 3); keep one");
  }

  @Test
  void customersNeedACustomerIdColumnAndValue() {
    assertThat(fixture.codes(base.withCustomers(file("customers.csv", "id,region\nC1,EMEA\n"))))
        .containsExactly(MISSING_COLUMN);
    assertThat(fixture.codes(base.withCustomers(file("customers.csv", "customer_id,r\n,EMEA\n"))))
        .containsExactly(MISSING_VALUE);
    assertThat(fixture.errors(base.withCustomers(file("customers.csv", "id,region\nC1,EMEA\n"))))
        .containsExactly("customers.csv:1: column customer_id: missing required column");
    assertThat(fixture.errors(base.withCustomers(file("customers.csv", "customer_id,region\n,EMEA\n"))))
        .containsExactly("customers.csv:2: column customer_id: is empty; every row needs a"
            + " customer_id");
  }

  @Test
  void raggedRowInAnOptionalFileIsAnError() {
    assertThat(fixture.codes(base.withCustomers(file("customers.csv", "customer_id\nC1,EMEA\n"))))
        .containsExactly(RAGGED_ROW);
    assertThat(fixture.errors(base.withCustomers(file("customers.csv", "customer_id,region\nC1,EMEA,x\n"))))
        .containsExactly("customers.csv:2: row has 3 cells but the header has 2 columns; quote"
            + " cells that contain commas");
  }

  // plans.csv

  @Test
  void plansGiveTiers_emptyProductIsDefault_unknownColumnsIgnored() {
    Dataset dataset = read(base.withPlans(file("plans.csv", """
        product,plan,tier,description
        crm,Standard,1,the basics
        crm,Enterprise,3,
        ,Solo,1,
        crm,Standard,1,listed again with the same tier
        """)));

    assertThat(dataset.plans().tier("crm", "Enterprise")).hasValue(3);
    assertThat(dataset.plans().tier("crm", "Standard")).hasValue(1);
    assertThat(dataset.plans().tier("default", "Solo")).hasValue(1);
    assertThat(dataset.plans().topTier("crm")).hasValue(3);
    assertThat(dataset.plans().size()).isEqualTo(3);
  }

  @Test
  void unknownColumnsOfOptionalFilesAreIgnored_evenTwice() {
    Dataset dataset = read(base.withPlans(file("plans.csv", "plan,tier,note,Note,\nPro,2,a,b,\n")));

    assertThat(dataset.plans().tier("default", "Pro")).hasValue(2);
  }

  @Test
  void planWithTwoTiersIsAnError() {
    InputFiles files = base.withPlans(file("plans.csv", """
        product,plan,tier
        crm,Pro,2
        crm,Pro,3
        """));

    assertThat(fixture.codes(files)).containsExactly(DUPLICATE_KEY);
    assertThat(fixture.errors(files)).containsExactly("plans.csv:3: column tier: plan \"Pro\" of"
        + " product \"crm\" has tier 2 on line 2 and tier 3 here; give each plan one tier");
  }

  @Test
  void planTierMustBeAWholeNumber() {
    assertThat(fixture.codes(base.withPlans(file("plans.csv", "plan,tier\nPro,2.5\nMax,\n"))))
        .containsExactly(NOT_WHOLE_NUMBER, MISSING_VALUE);
    assertThat(fixture.errors(base.withPlans(file("plans.csv", "plan,tier\nPro,2.5\nMax,\n"))))
        .containsExactly(
            "plans.csv:2: column tier: \"2.5\" is not a whole number",
            "plans.csv:3: column tier: is empty; every row needs a tier");
  }

  // health.csv

  @Test
  void healthScores_lastInTheFileWinsOnADate() {
    Dataset dataset = read(base.withHealth(file("health.csv", """
        customer_id,date,score,source
        C1,2026-01-01,70,crm
        C1,2026-02-01,40.5,crm
        C1,2026-01-01,85,manual
        """)));

    assertThat(dataset.health().scoreAt("C1", LocalDate.of(2026, 1, 15))).hasValue(85.0);
    assertThat(dataset.health().scoreAt("C1", LocalDate.of(2026, 2, 1))).hasValue(40.5);
    assertThat(dataset.health().scoreAt("C1", LocalDate.of(2025, 12, 31))).isEmpty();
  }

  @Test
  void healthScoreIsADecimalFrom0To100() {
    InputFiles files = base.withHealth(file("health.csv", """
        customer_id,date,score
        C1,2026-01-01,100.5
        C1,2026-01-02,-1
        C1,2026-01-03,high
        C1,01/04/2026,50
        """));

    assertThat(fixture.codes(files)).containsExactly(BAD_SCORE, BAD_SCORE, BAD_NUMBER, BAD_DATE);
    assertThat(fixture.errors(files)).containsExactly(
        "health.csv:2: column score: \"100.5\" is not between 0 and 100",
        "health.csv:3: column score: \"-1\" is not between 0 and 100",
        "health.csv:4: column score: \"high\" is not a number; write a plain decimal such as"
            + " 1234.5 (no thousands separators, currency signs or exponents)",
        "health.csv:5: column date: \"01/04/2026\" is not a date in the form yyyy-MM-dd");
  }

  // targets.csv

  @Test
  void targetsAreRead_segmentDimensionLowerCased() {
    Dataset dataset = read(base.withTargets(file("targets.csv", """
        metric,period,value,segment
        upsellRate,2026-Q1,5.5,
        upsellRate,fy2027-q1,6,Region = EMEA
        upsellRate,2026-03,2,
        """)));

    assertThat(dataset.targets()).containsExactly(
        new Target("upsellRate", "2026-Q1", new BigDecimal("5.5"), null),
        new Target("upsellRate", "FY2027-Q1", new BigDecimal("6"), "region=EMEA"),
        new Target("upsellRate", "2026-03", new BigDecimal("2"), null));
  }

  @Test
  void targetErrors() {
    InputFiles files = base.withTargets(file("targets.csv", """
        metric,period,value,segment
        upsellRate,2026-Q5,5,
        upsellRate,2026-Q1,5%,
        upsellRate,2026-Q1,5,EMEA
        upsellRate,2026,5,
        upsellRate,2026,6,
        """));

    assertThat(fixture.codes(files))
        .containsExactly(BAD_PERIOD, BAD_NUMBER, BAD_SEGMENT, DUPLICATE_KEY);
    assertThat(fixture.errors(files)).containsExactly(
        "targets.csv:2: column period: \"2026-Q5\" is not a period label; write 2026-03,"
            + " 2026-Q1, 2026, FY2027-Q1 or FY2027",
        "targets.csv:3: column value: \"5%\" is not a number; write a plain decimal such as"
            + " 1234.5 (no thousands separators, currency signs or exponents)",
        "targets.csv:4: column segment: \"EMEA\" is not a segment; write dimension=value, such as"
            + " region=EMEA",
        "targets.csv:6: column period: a target for upsellRate in 2026 is already on line 5;"
            + " give one value");
  }

  // fx.csv

  @Test
  void fxRatesAreExact_reportingCurrencyMayBeListedAtOne() {
    Dataset dataset = read(fixture.subscriptions("""
            customer_id,arr,currency,start_date
            C1,1000,gbp,2026-01-01
            C2,1000,USD,2026-01-01
            """)
        .withFx(file("fx.csv", "Currency,Rate,source\nGBP,1.2345678901,ecb\nusd,1.000,\n")));

    assertThat(dataset.phases().get(0).arrMicros()).isEqualTo(1_234_567_890L); // 1234.5678901
    assertThat(dataset.phases().get(1).arrMicros()).isEqualTo(1_000_000_000L);
  }

  @Test
  void fxErrors() {
    InputFiles files = base.withFx(file("fx.csv", """
        currency,rate
        EUR,1.1
        eur,1.2
        GBP,0
        USD,1.01
        EURO,1
        JPY,
        """));

    assertThat(fixture.codes(files))
        .containsExactly(DUPLICATE_KEY, BAD_RATE, BAD_RATE, BAD_CURRENCY_CODE, MISSING_VALUE);
    assertThat(fixture.errors(files)).containsExactly(
        "fx.csv:3: column currency: EUR is already listed on line 2; list each currency once"
            + " (one rate for the whole report)",
        "fx.csv:4: column rate: \"0\" must be greater than 0",
        "fx.csv:5: column rate: the reporting currency USD must have rate 1, not 1.01",
        "fx.csv:6: column currency: \"EURO\" is not a currency code; write three letters such as"
            + " USD or EUR",
        "fx.csv:7: column rate: is empty; every row needs a rate");
  }

  @Test
  void optionalFilesAreAllOptional() {
    Dataset dataset = read(base);

    assertThat(dataset.customers().size()).isZero();
    assertThat(dataset.plans().size()).isZero();
    assertThat(dataset.health().isEmpty()).isTrue();
    assertThat(dataset.targets()).isEqualTo(List.of());
    assertThat(dataset.currency()).isEqualTo("USD");
  }
}
