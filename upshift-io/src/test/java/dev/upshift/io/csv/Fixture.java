package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Input files in a temporary directory, and the read outcome as text: error messages are shown with
 * the bare file name ({@code subscriptions.csv:3: column seats: …}) so tests read like SPEC §1.3.
 */
final class Fixture {
  private final Path dir;

  Fixture(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Writes a file as UTF-8, exactly as given (no line ending added). */
  Path write(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code subscriptions.csv} with the given text, read with the defaults. */
  InputFiles subscriptions(String text) {
    return InputFiles.of(write("subscriptions.csv", text));
  }

  /** Reads files that must be valid. */
  static ReadResult read(InputFiles files) {
    return DatasetReader.read(files);
  }

  /** The phases of a valid subscriptions text. */
  List<Phase> phases(String subscriptions) {
    return read(subscriptions(subscriptions)).dataset().phases();
  }

  /** The exception of files that must be invalid. */
  static InputException failure(InputFiles files) {
    InputException failure = catchThrowableOfType(InputException.class, () -> DatasetReader.read(files));
    assertThat(failure).as("expected input errors").isNotNull();
    return failure;
  }

  /** The messages of files that must be invalid, with bare file names. */
  List<String> errors(InputFiles files) {
    return messages(failure(files).errors());
  }

  /** The messages of a subscriptions text that must be invalid. */
  List<String> errors(String subscriptions) {
    return errors(subscriptions(subscriptions));
  }

  /** The codes of files that must be invalid, in the order their errors are listed. */
  List<InputErrorCode> codes(InputFiles files) {
    return failure(files).errors().stream().map(InputError::code).toList();
  }

  /** The codes of a subscriptions text that must be invalid. */
  List<InputErrorCode> codes(String subscriptions) {
    return codes(subscriptions(subscriptions));
  }

  List<String> messages(List<InputError> errors) {
    String prefix = dir.toString() + dir.getFileSystem().getSeparator();
    return errors.stream().map(error -> error.toString().replace(prefix, "")).toList();
  }
}
