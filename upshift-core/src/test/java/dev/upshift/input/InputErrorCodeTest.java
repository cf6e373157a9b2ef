package dev.upshift.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes are a published contract: unique, lower_snake, and each one documented. */
class InputErrorCodeTest {
  private static List<String> codes() {
    return Arrays.stream(InputErrorCode.values()).map(InputErrorCode::code).toList();
  }

  @Test
  void everyCodeIsUnique() {
    assertThat(codes()).doesNotHaveDuplicates().hasSize(InputErrorCode.values().length);
  }

  @Test
  void everyCodeIsLowerSnakeCase() {
    assertThat(codes()).allMatch(code -> code.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"),
        "lower_snake");
  }

  @Test
  void everyCodeIsInTheTableOfDocsErrorsMd_andNothingElseIs() throws IOException {
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(Files.readString(errorsMd()));
    List<String> documented = row.results().map(match -> match.group(1)).toList();

    assertThat(documented).containsExactlyInAnyOrderElementsOf(codes());
  }

  @Test
  void anInputErrorNeedsACode() {
    assertThatNullPointerException()
        .isThrownBy(() -> new InputError("subscriptions.csv", 3, "seats", null, "not whole"))
        .withMessage("code is null");
  }

  @Test
  void theCodeIsNotPartOfTheMessage() {
    InputError error = new InputError("subscriptions.csv", 3, "seats",
        InputErrorCode.NOT_WHOLE_NUMBER, "\"12.5\" is not a whole number");

    assertThat(error).hasToString("subscriptions.csv:3: column seats: \"12.5\" is not a whole number");
    assertThat(error.code().code()).isEqualTo("not_whole_number");
  }

  private static Path errorsMd() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path docs = dir.resolve("docs/errors.md");
      if (Files.isRegularFile(docs) && Files.isDirectory(dir.resolve("upshift-core"))) {
        return docs;
      }
    }
    throw new IllegalStateException("docs/errors.md not found above " + Path.of("").toAbsolutePath());
  }
}
