package dev.upshift.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextColumnTest {
  private final BufferAllocator allocator = new RootAllocator();
  private final List<ViewVarCharVector> vectors = new ArrayList<>();

  @AfterEach
  void close() {
    vectors.forEach(ViewVarCharVector::close);
    allocator.close();
  }

  /** Short texts sit in their views, long ones in data buffers; every length reads back. */
  @Test
  void textsOfEveryLengthReadBackAndCompare() {
    List<String> cells = new ArrayList<>();
    for (int length = 1; length <= 20; length++) {
      cells.add("abcdefghijklmnopqrstuvwxyz".substring(0, length));
    }
    cells.addAll(cells); // each text twice, 20 rows apart
    TextColumn column = new TextColumn();

    column.load(vector(cells.toArray(String[]::new)));

    for (int row = 0; row < 40; row++) {
      assertThat(column.newString(row)).isEqualTo(cells.get(row));
      assertThat(column.length(row)).isEqualTo(cells.get(row).length());
      assertThat(column.text(row)).isEqualTo(cells.get(row));
      assertThat(column.same(row, (row + 20) % 40)).isTrue();
      assertThat(column.same(row, (row + 1) % 40)).isFalse();
    }
    assertThat(column.text(25)).isSameAs(column.text(5));
    assertThat(column.text(39)).isSameAs(column.text(19));
  }

  /** Texts equal in length and in their first four bytes differ in the rest of the view. */
  @Test
  void textsSharingAPrefixStayApart() {
    TextColumn column = new TextColumn();

    column.load(vector("Pro", "Pro2", "Pro3", "Premium", "Premier Support", "Premier Supporx",
        "Pro", "Premier Supporx"));

    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7)).extracting(column::text).containsExactly("Pro",
        "Pro2", "Pro3", "Premium", "Premier Support", "Premier Supporx", "Pro",
        "Premier Supporx");
    assertThat(column.same(4, 5)).isFalse();
    assertThat(column.same(5, 7)).isTrue();
  }

  /** Bytes past a short text's end are not part of it, whatever a writer left there. */
  @Test
  void bytesPastAShortTextAreIgnored() {
    ViewVarCharVector vector = vector("USD", "USD", "abcdefg", "abcdefg");
    for (int i = 3; i < 12; i++) {
      vector.getDataBuffer().setByte(4 + i, 'x'); // after the first "USD"
    }
    vector.getDataBuffer().setByte(BaseVariableWidthViewVector.ELEMENT_SIZE * 2 + 4 + 7, 'z');
    TextColumn column = new TextColumn();

    column.load(vector);

    assertThat(column.same(0, 1)).isTrue();
    assertThat(column.same(2, 3)).isTrue();
    assertThat(column.text(0)).isEqualTo("USD").isSameAs(column.text(1));
    assertThat(column.newString(2)).isEqualTo("abcdefg");
  }

  @Test
  void nullAndEmptyCellsAreNotGiven() {
    ViewVarCharVector vector = vector("a", "", "b");
    vector.setNull(2);
    TextColumn column = new TextColumn();

    column.load(vector);

    assertThat(List.of(0, 1, 2)).extracting(column::isEmpty).containsExactly(false, true, true);
  }

  @Test
  void onlyPlainTextIsTaken() {
    TextColumn column = new TextColumn();

    column.load(vector("plain text", " lead", "trail ", "tab\there", "caf\u00e9",
        "a long plain text of many bytes", "a long text with a tab\tin it"));

    assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).extracting(column::isPlain)
        .containsExactly(true, false, false, false, false, true, false);
    assertThat(column.text(1)).isNull();
    assertThat(column.text(6)).isNull();
    assertThat(column.text(5)).isEqualTo("a long plain text of many bytes");
  }

  /** The parser runs once per distinct text, however often it comes, in whichever batch. */
  @Test
  void wordsAreParsedOncePerDistinctTextAcrossBatchesAndGrowth() {
    TextColumn column = new TextColumn();
    List<String> parsed = new ArrayList<>();
    Function<String, Optional<Integer>> parser = text -> {
      parsed.add(text);
      return Optional.of(text.length());
    };
    String[] many = new String[200];
    for (int i = 0; i < many.length; i++) {
      many[i] = "value-" + (i % 100) + (i % 3 == 0 ? "-with-a-long-tail" : "");
    }

    column.load(vector(many));
    for (int row = 0; row < many.length; row++) {
      assertThat(column.word(row, parser)).contains(many[row].length());
    }
    int parsedInFirstBatch = parsed.size();
    column.load(vector(many[5], many[150], many[99]));
    assertThat(column.word(0, parser)).contains(many[5].length());
    assertThat(column.word(1, parser)).contains(many[150].length());
    assertThat(column.word(2, parser)).contains(many[99].length());

    long distinct = Arrays.stream(many).distinct().count();
    assertThat(parsed).doesNotHaveDuplicates().hasSize((int) distinct);
    assertThat(parsed).hasSize(parsedInFirstBatch);
  }

  private ViewVarCharVector vector(String... cells) {
    ViewVarCharVector vector = new ViewVarCharVector("text", allocator);
    vectors.add(vector);
    vector.allocateNew(cells.length);
    for (int row = 0; row < cells.length; row++) {
      vector.setSafe(row, cells[row].getBytes(StandardCharsets.UTF_8));
    }
    vector.setValueCount(cells.length);
    return vector;
  }
}
