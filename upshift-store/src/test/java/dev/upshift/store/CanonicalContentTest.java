package dev.upshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CanonicalContentTest {

  @Test
  void write_sortsNamesAndEscapesOnlyWhatJsonNeeds() {
    TreeMap<String, String> fields = new TreeMap<>(Map.of(
        "seats", "12", "customer_id", "Zoë \"Z\" \\", "note", "a\nb\u0000\u007f", "emoji", "📈"));

    assertThat(CanonicalContent.write(fields)).isEqualTo(
        "{\"customer_id\":\"Zoë \\\"Z\\\" \\\\\",\"emoji\":\"📈\",\"note\":\"a\\u000ab\\u0000\\u007f\",\"seats\":\"12\"}");
    assertThat(CanonicalContent.write(new TreeMap<>())).isEqualTo("{}");
  }

  @Test
  void write_escapesUnpairedSurrogates_soTheTextIsValidUtf8() {
    String text = CanonicalContent.write(new TreeMap<>(Map.of("x", "\udc00a\ud83d")));

    assertThat(text).isEqualTo("{\"x\":\"\\udc00a\\ud83d\"}");
    assertThat(CanonicalContent.read(text)).containsEntry("x", "\udc00a\ud83d");
  }

  @Property
  void read_givesBackWhatWriteWrote(@ForAll Map<String, String> fields) {
    TreeMap<String, String> sorted = new TreeMap<>(fields);

    assertThat(CanonicalContent.read(CanonicalContent.write(sorted))).isEqualTo(sorted);
  }

  @Test
  void read_refusesTextThatIsNotCanonical() {
    assertThatThrownBy(() -> CanonicalContent.read("{\"a\":\"b\"} ")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CanonicalContent.read("{\"a\":1}")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CanonicalContent.read("{\"a\":\"b\"")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void hash_isTheSha256OfTheUtf8Text() {
    // SHA-256 of the three bytes "abc", FIPS 180-2's first example.
    assertThat(HexFormat.of().formatHex(CanonicalContent.hash(CanonicalContent.sha256(), "abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(CanonicalContent.hash(CanonicalContent.sha256(), "ü"))
        .isEqualTo(CanonicalContent.sha256().digest("ü".getBytes(StandardCharsets.UTF_8)));
  }
}
