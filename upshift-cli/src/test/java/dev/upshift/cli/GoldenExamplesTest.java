package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every worked example of SPEC §9, read from {@code ../shared/golden/}: runs the folder's
 * {@code command.txt} through the command line and checks each figure of {@code expected.json}
 * (numbers within 0.005, periods matched by label).
 */
class GoldenExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> examples() throws IOException {
    Path golden = GoldenFolder.locate();
    try (Stream<Path> folders = Files.list(golden)) {
      List<Path> found = folders.filter(f -> Files.exists(f.resolve("command.txt"))).sorted().toList();
      assertThat(found).as("golden examples in " + golden).hasSizeGreaterThanOrEqualTo(5);
      return found.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void reproducesExpectedFigures(Path folder) throws IOException {
    String[] args = argumentsIn(folder);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = UpshiftCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    JsonNode actual = JSON.readTree(out.toString());
    JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
    List<String> mismatches = new ArrayList<>();
    compare("", expected, actual, mismatches);
    assertThat(mismatches).as("figures differing from %s", folder.resolve("expected.json")).isEmpty();
  }

  /** The command's arguments, with file names resolved against the example's folder. */
  private static String[] argumentsIn(Path folder) throws IOException {
    String[] words = Files.readString(folder.resolve("command.txt")).trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (!words[i].startsWith("-") && Files.isRegularFile(folder.resolve(words[i]))) {
        words[i] = folder.resolve(words[i]).toString();
      }
    }
    return words;
  }

  static void compare(String path, JsonNode expected, JsonNode actual, List<String> mismatches) {
    if (actual == null || actual.isMissingNode()) {
      mismatches.add(path + ": missing (expected " + expected + ")");
    } else if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), mismatches);
      }
    } else if (expected.isArray()) {
      for (JsonNode item : expected) {
        JsonNode match = item.has("period") ? byPeriod(actual, item.get("period").asText()) : null;
        String label = item.has("period") ? "[" + item.get("period").asText() + "]" : "[?]";
        compare(path + label, item, match, mismatches);
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber() || Math.abs(actual.decimalValue().subtract(expected.decimalValue()).doubleValue()) > 0.005) {
        mismatches.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (!expected.equals(actual)) {
      mismatches.add(path + ": expected " + expected + " but was " + actual);
    }
  }

  private static JsonNode byPeriod(JsonNode array, String period) {
    for (JsonNode item : array) {
      if (item.path("period").asText().equals(period)) {
        return item;
      }
    }
    return null;
  }
}
