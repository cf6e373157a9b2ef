package dev.upshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DataRecordTest {

  @Test
  void fieldsAreSortedByName_whateverTheOrderTheyCameIn() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("seats", "5");
    fields.put("arr", "100");
    TreeMap<String, String> reversed = new TreeMap<>(Comparator.reverseOrder());
    reversed.putAll(fields);

    DataRecord record = DataRecord.of("p1", fields);

    assertThat(record.fields().keySet()).containsExactly("arr", "seats");
    assertThat(new DataRecord("p1", reversed)).isEqualTo(record);
    assertThat(new DataRecord("p1", reversed).fields().keySet()).containsExactly("arr", "seats");
  }

  @Test
  void fieldsCannotBeChangedAfterwards() {
    Map<String, String> fields = new HashMap<>(Map.of("arr", "100"));
    DataRecord record = DataRecord.of("p1", fields);
    fields.put("arr", "200");

    assertThat(record.fields()).containsEntry("arr", "100");
    assertThatThrownBy(() -> record.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ids_areOneTo256Characters_countedInCodePoints() {
    assertThat(DataRecord.checkId("x".repeat(256))).hasSize(256);
    assertThat(DataRecord.checkId("📈".repeat(256))).hasSize(512);
    assertThatThrownBy(() -> DataRecord.checkId("x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
    assertThatThrownBy(() -> DataRecord.checkId("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ids_haveNoControlCharactersOrUnpairedSurrogates() {
    assertThatThrownBy(() -> DataRecord.checkId("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\u0000");
    assertThatThrownBy(() -> DataRecord.checkId("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataRecord.checkId("a\ud800")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataRecord.checkId("\udc00a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldNamesAreNotEmpty() {
    assertThatThrownBy(() -> DataRecord.of("p1", Map.of("", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty field name");
  }
}
