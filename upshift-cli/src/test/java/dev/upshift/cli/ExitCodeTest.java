package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes are decided from error codes, in one place (§7.1). */
class ExitCodeTest {
  @Test
  void everyInputErrorCodeIsAnInputError_exitThree() {
    assertThat(Arrays.stream(InputErrorCode.values()).map(ExitCode::of))
        .hasSize(InputErrorCode.values().length)
        .containsOnly(ExitCode.INPUT);
  }

  @Test
  void anInputExceptionExitsWithTheCodeOfItsErrors() {
    InputError error = new InputError("subscriptions.csv", 3, "seats",
        InputErrorCode.NOT_WHOLE_NUMBER, "\"12.5\" is not a whole number");

    assertThat(ExitCode.of(new InputException(error))).isEqualTo(ExitCode.INPUT);
    assertThat(ExitCode.of(new InputException(List.of(), 250))).isEqualTo(ExitCode.INPUT);
  }
}
