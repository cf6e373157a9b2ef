package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.upshift.input.InputErrorCode.DUPLICATE_COLUMN;
import static dev.upshift.input.InputErrorCode.EMPTY_FILE;
import static dev.upshift.input.InputErrorCode.LONE_CARRIAGE_RETURN;
import static dev.upshift.input.InputErrorCode.MISSING_COLUMN;
import static dev.upshift.input.InputErrorCode.NEGATIVE_VALUE;
import static dev.upshift.input.InputErrorCode.NOT_UTF8;
import static dev.upshift.input.InputErrorCode.NOT_WHOLE_NUMBER;
import static dev.upshift.input.InputErrorCode.NO_SUCH_FILE;
import static dev.upshift.input.InputErrorCode.RAGGED_ROW;
import static dev.upshift.input.InputErrorCode.TEXT_AFTER_QUOTE;
import static dev.upshift.input.InputErrorCode.UNKNOWN_COLUMN;
import static dev.upshift.input.InputErrorCode.UNNAMED_COLUMN;
import static dev.upshift.input.InputErrorCode.UNREADABLE_FILE;
import static dev.upshift.input.InputErrorCode.UNTERMINATED_QUOTE;

import dev.upshift.input.Phase;
import dev.upshift.money.Micros;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV-level rules (§1, §1.3, §10 Input): encoding, quoting, header, line numbers. */
class CsvSyntaxTest {
  @TempDir Path dir;
  Fixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
  }

  @Test
  void leadingBomIsIgnored() {
    List<Phase> phases = fixture.phases("\uFEFFcustomer_id,arr,start_date\nC1,100,2026-01-01\n");

    assertThat(phases).singleElement().satisfies(phase -> {
      assertThat(phase.customerId()).isEqualTo("C1");
      assertThat(phase.line()).isEqualTo(2);
    });
  }

  @Test
  void crlfLineEndingsAreRead() {
    List<Phase> phases = fixture.phases(
        "customer_id,arr,start_date\r\nC1,100,2026-01-01\r\nC2,200,2026-02-01\r\n");

    assertThat(phases).extracting(Phase::customerId, Phase::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", 2),
            org.assertj.core.groups.Tuple.tuple("C2", 3));
    assertThat(phases.get(1).arrMicros()).isEqualTo(Micros.ofUnits(200));
  }

  @Test
  void lineNumbersArePhysicalLines_countingQuotedLineBreaksAndBlankLines() {
    String text = """
        customer_id,plan,seats,arr,start_date
        C1,"Pro
        with
        extras",1,100,2026-01-01

        C2,Basic,2.5,100,2026-01-01
        """.replace("\n", "\r\n");

    assertThat(fixture.errors(text))
        .containsExactly("subscriptions.csv:6: column seats: \"2.5\" is not a whole number");
  }

  @Test
  void quotedCellKeepsItsLineBreaksAndCommas() {
    List<Phase> phases = fixture.phases(
        "customer_id,plan,arr,start_date\nC1,\"Pro, \"\"annual\"\"\nplan\",100,2026-01-01\n");

    assertThat(phases.get(0).plan()).isEqualTo("Pro, \"annual\"\nplan");
  }

  @Test
  void blankLinesAreSkipped() {
    List<Phase> phases = fixture.phases(
        "\ncustomer_id,arr,start_date\n\n   \nC1,100,2026-01-01\n\n\nC2,100,2026-01-01");

    assertThat(phases).extracting(Phase::line).containsExactly(5, 8);
  }

  @Test
  void headerNamesAreCaseInsensitiveAndTrimmed() {
    List<Phase> phases = fixture.phases(" Customer_ID ,ARR,  Start_Date\nC1,100,2026-01-01\n");

    assertThat(phases).singleElement().extracting(Phase::customerId).isEqualTo("C1");
  }

  @Test
  void cellsAreTrimmed() {
    List<Phase> phases = fixture.phases(
        "customer_id,plan,arr,start_date\n  C1 , Pro ,\" 100 \", 2026-01-01 \n");

    assertThat(phases).singleElement().satisfies(phase -> {
      assertThat(phase.customerId()).isEqualTo("C1");
      assertThat(phase.plan()).isEqualTo("Pro");
      assertThat(phase.arrMicros()).isEqualTo(Micros.ofUnits(100));
    });
  }

  @Test
  void unknownColumnIsAnError() {
    String text = "customer_id,arr,start_date,Seat\nC1,100,2026-01-01,5\n";

    assertThat(fixture.codes(text)).containsExactly(UNKNOWN_COLUMN);
    assertThat(fixture.errors(text))
        .containsExactly("subscriptions.csv:1: column Seat: unknown column; expected one of"
            + " customer_id, line_id, product, plan, tier, seats, arr, mrr, amount,"
            + " billing_period, currency, start_date, end_date, signed_date, cancel_signed_date,"
            + " status, kind (a misspelt column would silently lose its data); if it holds"
            + " seats: --map seat=seats; to leave it out: --ignore-columns seat");
  }

  @Test
  void duplicateHeaderNameIsAnError() {
    String text = "customer_id,seats,arr,SEATS,start_date\nC1,1,100,2,2026-01-01\n";

    assertThat(fixture.codes(text)).containsExactly(DUPLICATE_COLUMN);
    assertThat(fixture.errors(text))
        .containsExactly("subscriptions.csv:1: column seats: appears twice in the header"
            + " (columns 2 and 4); keep one");
  }

  @Test
  void headerColumnWithoutANameIsAnError() {
    String text = "customer_id,arr,start_date,\nC1,100,2026-01-01,\n";

    assertThat(fixture.codes(text)).containsExactly(UNNAMED_COLUMN);
    assertThat(fixture.errors(text))
        .containsExactly("subscriptions.csv:1: header column 4 has no name; remove it (a trailing"
            + " comma?) or name it one of customer_id, line_id, product, plan, tier, seats, arr,"
            + " mrr, amount, billing_period, currency, start_date, end_date, signed_date,"
            + " cancel_signed_date, status, kind");
  }

  @Test
  void headerThatIsNotUtf8IsAnError() {
    byte[] header = "customer_id,arr,start_date,pl\u00e4n\n".getBytes(StandardCharsets.ISO_8859_1);

    InputFiles files = InputFiles.of(fixture.write("subscriptions.csv", header));

    assertThat(fixture.codes(files)).containsExactly(NOT_UTF8);
    assertThat(fixture.errors(files))
        .containsExactly("subscriptions.csv:1: header: contains bytes that are not UTF-8 (byte"
            + " 0xE4); save the file as UTF-8");
  }

  @Test
  void missingRequiredColumnIsAnError() {
    assertThat(fixture.codes("customer_id,arr\nC1,100\n")).containsExactly(MISSING_COLUMN);
    assertThat(fixture.errors("customer_id,arr\nC1,100\n"))
        .containsExactly("subscriptions.csv:1: column start_date: missing required column");
  }

  @Test
  void missingPriceColumnIsAnError() {
    assertThat(fixture.codes("customer_id,start_date\nC1,2026-01-01\n"))
        .containsExactly(MISSING_COLUMN);
    assertThat(fixture.errors("customer_id,start_date\nC1,2026-01-01\n"))
        .containsExactly("subscriptions.csv:1: column arr: missing price column; the header needs"
            + " arr, mrr or amount (with billing_period)");
  }

  @Test
  void emptyFileIsAnError() {
    assertThat(fixture.codes("\uFEFF\n\n")).containsExactly(EMPTY_FILE);
    assertThat(fixture.errors("\uFEFF\n\n"))
        .containsExactly("subscriptions.csv: the file is empty; expected a header row with"
            + " customer_id, start_date");
  }

  @Test
  void missingFileIsAnError() {
    assertThat(fixture.codes(InputFiles.of(dir.resolve("nope.csv")))).containsExactly(NO_SUCH_FILE);
    assertThat(fixture.errors(InputFiles.of(dir.resolve("nope.csv"))))
        .containsExactly("nope.csv: no such file");
  }

  @Test
  void directoryInsteadOfAFileIsUnreadable() {
    InputFiles files = InputFiles.of(fixture.dir());

    assertThat(fixture.codes(files)).containsExactly(UNREADABLE_FILE);
    assertThat(Fixture.failure(files).errors().get(0).reason()).startsWith("cannot read the file: ");
  }

  @Test
  void raggedRowsAreErrors_andOtherRowsAreStillRead() {
    String text = """
        customer_id,seats,arr,start_date
        C1,1,100
        C2,1,100,2026-01-01
        C3,1,1,200,2026-01-01
        C4,x,100,2026-01-01
        """;

    assertThat(fixture.codes(text)).containsExactly(RAGGED_ROW, RAGGED_ROW, NOT_WHOLE_NUMBER);
    assertThat(fixture.errors(text)).containsExactly(
        "subscriptions.csv:2: row has 3 cells but the header has 4 columns; write empty cells as"
            + " nothing between commas, not by leaving them out",
        "subscriptions.csv:4: row has 5 cells but the header has 4 columns; quote cells that"
            + " contain commas",
        "subscriptions.csv:5: column seats: \"x\" is not a whole number");
  }

  @Test
  void unterminatedQuoteIsAnError_atTheLineTheQuoteOpens() {
    String text = """
        customer_id,plan,seats,arr,start_date
        C1,Pro,1,100,2026-01-01
        C2,"Pro,1,100,2026-01-01
        C3,Pro,1,100,2026-01-01
        """;

    assertThat(fixture.codes(text)).containsExactly(UNTERMINATED_QUOTE);
    assertThat(fixture.errors(text)).containsExactly(
        "subscriptions.csv:3: column plan: unterminated quote: the quoted cell opened on line 3 has"
            + " no closing quote, so every line after it was read into this cell");
  }

  @Test
  void spacesAfterAClosingQuoteAreTrimmed() {
    List<Phase> phases = fixture.phases(
        "customer_id,plan,arr,start_date\nC1,\"Pro\"  ,100,2026-01-01\nC2,1,100,\"2026-01-01\"\t\n");

    assertThat(phases).extracting(Phase::plan).containsExactly("Pro", "1");
    assertThat(phases.get(1).start()).isEqualTo(java.time.LocalDate.of(2026, 1, 1));
  }

  @Test
  void textAfterClosingQuoteIsAnError_andStopsTheRead() {
    String text = """
        customer_id,plan,arr,start_date
        C1,Pro,-1,2026-01-01
        C2,"Pro" "edition",100,2026-01-01
        C3,Pro,-1,2026-01-01
        """;

    assertThat(fixture.codes(text)).containsExactly(NEGATIVE_VALUE, TEXT_AFTER_QUOTE);
    assertThat(fixture.errors(text)).containsExactly(
        "subscriptions.csv:2: column arr: \"-1\" is negative; a price must be 0 or more",
        "subscriptions.csv:3: column plan: text after the closing quote; a quoted cell must end at"
            + " its closing quote (write \"\" for a quote inside a quoted cell); the rest of the"
            + " file was not read");
  }

  @Test
  void loneCarriageReturnInAQuotedCellIsAnError_andStopsTheRead() {
    String text = "customer_id,plan,arr,start_date\nC1,\"Pro\rMax\",100,2026-01-01\n"
        + "C2,Pro,100,2026-01-01\n";

    assertThat(fixture.codes(text)).containsExactly(LONE_CARRIAGE_RETURN);
    assertThat(fixture.errors(text)).containsExactly(
        "subscriptions.csv:2: column plan: a quoted cell contains a line break that is a lone"
            + " carriage return (CR), which cannot be read reliably; save the file with LF or CRLF"
            + " line breaks; the rest of the file was not read");
  }

  @Test
  void classicMacLineEndingsBetweenRowsAreRead() {
    List<Phase> phases = fixture.phases(
        "customer_id,arr,start_date\rC1,100,2026-01-01\r\rC2,100,2026-01-01\r");

    assertThat(phases).extracting(Phase::line).containsExactly(2, 4);
  }

  @Test
  void bytesThatAreNotUtf8AreAnError_namingLineAndColumn_andReadingGoesOn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("customer_id,plan,arr,start_date\nC1,Pro,100,2026-01-01\nC2,Caf"
        .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // é in Latin-1
    bytes.writeBytes(",100,2026-01-01\nC3,Pro,-1,2026-01-01\n".getBytes(StandardCharsets.UTF_8));

    InputFiles files = InputFiles.of(fixture.write("subscriptions.csv", bytes.toByteArray()));

    assertThat(fixture.codes(files)).containsExactly(NOT_UTF8, NEGATIVE_VALUE);
    assertThat(fixture.errors(files)).containsExactly(
        "subscriptions.csv:3: column plan: contains bytes that are not UTF-8 (byte 0xE9); save the"
            + " file as UTF-8",
        "subscriptions.csv:4: column arr: \"-1\" is negative; a price must be 0 or more");
  }

  @Test
  void truncatedUtf8SequenceAtTheEndIsAnError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("customer_id,plan,arr,start_date\nC1,100,2026-01-01,"
        .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE2);
    bytes.write(0x82); // the first two bytes of €

    assertThat(fixture.errors(InputFiles.of(fixture.write("s.csv", bytes.toByteArray()))))
        .contains("s.csv:2: column start_date: contains bytes that are not UTF-8 (bytes 0xE2"
            + " 0x82); save the file as UTF-8");
  }

  @Test
  void multiByteCharactersAcrossDecoderBuffersAreDecodedIntact() {
    StringBuilder text = new StringBuilder("customer_id,plan,arr,start_date\n");
    int rows = 5_000; // well past the reader's 64 KiB buffers
    for (int i = 0; i < rows; i++) {
      text.append("C").append(i).append(",Über€𝄞 plan,100,2026-01-01\n");
    }

    List<Phase> phases = fixture.phases(text.toString());

    assertThat(phases).hasSize(rows).allSatisfy(phase ->
        assertThat(phase.plan()).isEqualTo("Über€𝄞 plan"));
    assertThat(phases.get(rows - 1).line()).isEqualTo(rows + 1);
  }
}
