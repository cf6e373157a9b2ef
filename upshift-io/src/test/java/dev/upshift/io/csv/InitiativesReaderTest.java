package dev.upshift.io.csv;

import static dev.upshift.input.InputErrorCode.BAD_DATE;
import static dev.upshift.input.InputErrorCode.BAD_SEGMENT;
import static dev.upshift.input.InputErrorCode.DUPLICATE_COLUMN;
import static dev.upshift.input.InputErrorCode.DUPLICATE_KEY;
import static dev.upshift.input.InputErrorCode.EMPTY_FILE;
import static dev.upshift.input.InputErrorCode.MISSING_COLUMN;
import static dev.upshift.input.InputErrorCode.MISSING_VALUE;
import static dev.upshift.input.InputErrorCode.NOT_UTF8;
import static dev.upshift.input.InputErrorCode.RAGGED_ROW;
import static dev.upshift.input.InputErrorCode.UNTERMINATED_QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.analysis.Initiative;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitiativesReaderTest {
  private static List<String> errorsOf(String csv) {
    return failure(csv).errors().stream().map(Object::toString).toList();
  }

  private static List<InputErrorCode> codesOf(String csv) {
    return failure(csv).errors().stream().map(InputError::code).toList();
  }

  private static InputException failure(String csv) {
    try {
      InitiativesReader.read(csv, "initiatives.csv");
    } catch (InputException e) {
      return e;
    }
    throw new AssertionError("no error");
  }

  @Test
  void reads_rowsWithSegmentsAndAllCustomers() {
    List<Initiative> initiatives = InitiativesReader.read("""
        \uFEFF Name , Launch_Date,segment,owner
        Proactive CSM Outreach,2025-10-01,initial_arr=10K-50K,Ana

        In-App Upgrade Prompts , 2025-12-01 , Channel=self-serve ,Bo
        Usage-Based Triggering,2025-11-01,All Segments,
        Executive reviews,2025-09-01,,
        """, "initiatives.csv");

    assertThat(initiatives).hasSize(4);
    assertThat(initiatives.get(0).name()).isEqualTo("Proactive CSM Outreach");
    assertThat(initiatives.get(0).launchDate()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(initiatives.get(0).segment().toString()).isEqualTo("initial_arr=10K-50K");
    assertThat(initiatives.get(1).name()).isEqualTo("In-App Upgrade Prompts");
    assertThat(initiatives.get(1).segment().dimension()).isEqualTo("channel");
    assertThat(initiatives.get(1).segment().value()).isEqualTo("self-serve");
    assertThat(initiatives.get(2).segment()).isNull();
    assertThat(initiatives.get(3).segment()).isNull();
  }

  @Test
  void errors_nameFileLineColumnAndReason() {
    String csv = """
        name,launch_date,segment
        A,2025-13-01,
        ,2025-01-01,
        B,2025-01-01,Mid-Market
        C,2025-01-01
        D,2025-02-01,channel=sales
        D,2025-03-01,
        """;

    assertThat(codesOf(csv))
        .containsExactly(BAD_DATE, MISSING_VALUE, BAD_SEGMENT, RAGGED_ROW, DUPLICATE_KEY);
    assertThat(errorsOf(csv)).containsExactly(
        "initiatives.csv:2: column launch_date: \"2025-13-01\" is not a date (yyyy-MM-dd)",
        "initiatives.csv:3: column name: missing value",
        "initiatives.csv:4: column segment: \"Mid-Market\" is not dim=value (e.g. initial_arr=<10K,"
            + " channel=sales), nor empty for all",
        "initiatives.csv:5: the row has 2 fields but the header has 3",
        "initiatives.csv:7: column name: initiative \"D\" is already defined on line 6");
  }

  @Test
  void errors_inTheHeader() {
    assertThat(codesOf("name,Name,segment\nA,B,\n"))
        .containsExactly(DUPLICATE_COLUMN, MISSING_COLUMN);
    assertThat(codesOf("")).containsExactly(EMPTY_FILE);
    assertThat(errorsOf("name,Name,segment\nA,B,\n")).containsExactly(
        "initiatives.csv:1: column name: duplicate column name",
        "initiatives.csv:1: column launch_date: missing required column");
    assertThat(errorsOf("")).containsExactly(
        "initiatives.csv: the file is empty; expected a header with name, launch_date and segment");
  }

  @Test
  void errors_unterminatedQuote() {
    assertThat(codesOf("name,launch_date\nA,2025-01-01\n\"B,2025-01-01\n"))
        .containsExactly(UNTERMINATED_QUOTE);
    assertThat(errorsOf("name,launch_date\nA,2025-01-01\n\"B,2025-01-01\n"))
        .containsExactly("initiatives.csv:3: unterminated quoted field (a \" is opened and never closed)");
  }

  @Test
  void errors_notUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my-initiatives.csv");
    byte[] head = "name,launch_date\nA,2025-01-01\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'C', 'a', 'f', (byte) 0xE9, ',', '2', '0', '2', '5', '-', '0', '1', '-', '0', '1', '\n'};
    byte[] all = new byte[head.length + bad.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    Files.write(file, all);

    assertThatThrownBy(() -> InitiativesReader.read(file)).isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).errors())
            .extracting(InputError::code).containsExactly(NOT_UTF8))
        .hasMessage("my-initiatives.csv:3: the file is not UTF-8 text (invalid byte sequence);"
            + " save it as UTF-8");
  }
}
