package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CsvTable} (FastCSV plus the syntax tracker) against a small reference RFC 4180 reader
 * written independently here, on arbitrary text made of the characters that matter. Well-formed
 * text must give the reference's records, line numbers included, with no problems. Malformed text
 * must give the reference's records up to the first malformed one and then a fatal problem at that
 * record's line, so that nothing after it is ever taken as data.
 */
class CsvTablePropertyTest {

  /** A record of the reference reader. */
  record Ref(long line, List<String> cells) {}

  /** The reference's records up to the first malformed one, and that one's line (0 if none). */
  record Parsed(List<Ref> records, long malformedLine) {}

  /** A plain state machine over RFC 4180: quotes open only at a cell's start. */
  static Parsed reference(String text) {
    List<Ref> records = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    long line = 1;
    long start = 0;
    int i = 0;
    int n = text.length();
    boolean inRecord = false;
    while (i < n) {
      char c = text.charAt(i);
      if (!inRecord) {
        if (c == '\n' || c == '\r') {
          i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
          line++;
          continue;
        }
        inRecord = true;
        start = line;
      }
      if (c == '"' && cell.length() == 0 && !cellStartedUnquoted(text, i)) {
        i++;
        while (true) {
          if (i >= n) {
            return new Parsed(records, start); // unterminated
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
            return new Parsed(records, start); // a lone CR in a quoted cell: FastCSV misreads it
          }
          if (q == '\r' || q == '\n') {
            if (q == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
              cell.append('\r');
              i++;
              q = '\n';
            }
            line++;
          }
          cell.append(q);
          i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          cell.append(text.charAt(i++)); // trimmed later; FastCSV keeps it in the cell
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
          return new Parsed(records, start); // text after the closing quote
        }
        continue;
      }
      if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        i++;
      } else if (c == '\r' || c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        addUnlessBlank(records, start, cells);
        cells = new ArrayList<>();
        inRecord = false;
      } else {
        cell.append(c);
        i++;
      }
    }
    if (inRecord) {
      cells.add(cell.toString());
      addUnlessBlank(records, start, cells);
    }
    return new Parsed(records, 0);
  }

  /** Whether the current cell already has characters before position {@code i}. */
  private static boolean cellStartedUnquoted(String text, int i) {
    return i > 0 && text.charAt(i - 1) != ',' && text.charAt(i - 1) != '\n'
        && text.charAt(i - 1) != '\r';
  }

  private static void addUnlessBlank(List<Ref> records, long start, List<String> cells) {
    if (!(cells.size() == 1 && cells.get(0).isBlank())) {
      records.add(new Ref(start, List.copyOf(cells)));
    }
  }

  /** What a reader sees: the rows taken as data, and the first fatal problem's line (0 if none). */
  static Parsed table(String text) throws Exception {
    Path file = Files.createTempFile("table", ".csv");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      List<Ref> rows = new ArrayList<>();
      try (CsvTable table = CsvTable.open(file)) {
        for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
          for (SyntaxProblem problem : row.problems()) {
            if (problem.fatal() || problem.recordLine() != row.line()) {
              return new Parsed(rows, problem.recordLine());
            }
          }
          assertThat(row.problems()).isEmpty(); // no UTF-8 problems in these texts
          rows.add(new Ref(row.line(), row.cells()));
        }
        List<SyntaxProblem> leftovers = table.leftoverProblems();
        return new Parsed(rows, leftovers.isEmpty() ? 0 : leftovers.get(0).recordLine());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<String> csvText() {
    return Arbitraries.strings()
        .withChars('a', 'a', 'b', ',', ',', '"', '"', '\n', '\n', '\r', ' ', 'é')
        .ofMaxLength(60);
  }

  @Property(tries = 10000)
  void tableAgreesWithTheReference(@ForAll("csvText") String text) throws Exception {
    assertThat(table(text)).isEqualTo(reference(text));
  }

  @Example
  void referenceReadsQuotedLineBreaks() throws Exception {
    String text = "a,\"x\r\ny\"\r\n\r\nb\rc";

    assertThat(table(text)).isEqualTo(reference(text));
    assertThat(reference(text).records()).containsExactly(
        new Ref(1, List.of("a", "x\r\ny")), new Ref(4, List.of("b")), new Ref(5, List.of("c")));
  }

  @Example
  void loneCarriageReturnInAQuotedCellStopsTheRead() throws Exception {
    // FastCSV 3.4 silently drops the record "b\rc" and numbers "d" as line 2.
    assertThat(table("x\n\"b\rc\"\nd\n")).isEqualTo(new Parsed(List.of(new Ref(1, List.of("x"))), 2));
  }

  @Example
  void textAfterAQuoteThatSwallowsALaterRowStopsTheRead() throws Exception {
    // FastCSV re-enters quoted mode at the second quote and would read "d" into this cell.
    assertThat(table("x\n\"a\"b\"c\nd\n")).isEqualTo(new Parsed(List.of(new Ref(1, List.of("x"))), 2));
  }
}
