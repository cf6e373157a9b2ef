package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.upshift.input.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows dropped under {@link OnError#SKIP}, written as CSV: {@code line}, {@code column}, {@code
 * code}, {@code reason}, then the row's cells exactly as read under the original header. The four
 * fixed columns come first so that a ragged row (too many or too few cells) cannot push them out of
 * place.
 *
 * <p>One line per dropped row: {@code column} lists the columns in error separated by {@code ;},
 * {@code code} the {@link dev.upshift.input.InputErrorCode} of every error of the row separated by
 * {@code ;} (a program can filter on it), {@code reason} every error of the row, in the same order,
 * separated by {@code ; }. The file is written to a temporary file next to the target and moved into
 * place only when the read succeeds, so a failed run never leaves a half-written file or one that
 * looks like this run's.
 */
final class RejectsFile implements AutoCloseable {
  private final Path target;
  private final Path temporary;
  private final CsvWriter writer;
  private boolean closed;

  private RejectsFile(Path target, Path temporary, CsvWriter writer) {
    this.target = target;
    this.temporary = temporary;
    this.writer = writer;
  }

  /** Starts a rejects file that will replace {@code target} on {@link #commit()}. */
  static RejectsFile create(Path target) {
    requireNonNull(target, "target is null");
    try {
      Path directory = target.toAbsolutePath().getParent();
      Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
      return new RejectsFile(target, temporary,
          CsvWriter.builder().build(temporary, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects file " + target, e);
    }
  }

  Path target() {
    return target;
  }

  /** Writes the header: the four fixed columns, then the input's header cells as written. */
  void header(List<String> inputHeader) {
    List<String> cells = new ArrayList<>(inputHeader.size() + 4);
    cells.addAll(List.of("line", "column", "code", "reason"));
    cells.addAll(inputHeader);
    writer.writeRecord(cells);
  }

  /** Writes one dropped row with all its errors. */
  void write(long line, List<String> inputCells, List<InputError> errors) {
    Set<String> columns = new LinkedHashSet<>();
    errors.forEach(error -> {
      if (error.column() != null) {
        columns.add(error.column());
      }
    });
    String reasons = errors.stream()
        .map(error -> error.column() == null ? error.reason()
            : "column " + error.column() + ": " + error.reason())
        .collect(Collectors.joining("; "));
    String codes = errors.stream()
        .map(error -> error.code().code())
        .collect(Collectors.joining(";"));
    List<String> cells = new ArrayList<>(inputCells.size() + 4);
    cells.add(Long.toString(line));
    cells.add(String.join(";", columns));
    cells.add(codes);
    cells.add(reasons);
    cells.addAll(inputCells);
    writer.writeRecord(cells);
  }

  /** Finishes the file and moves it over the target. */
  void commit() {
    try {
      close();
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects file " + target, e);
    }
  }

  /** Drops the file (the run failed). */
  void discard() {
    try {
      close();
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // Nothing to do: a stray temporary file is all that is left, and the run fails anyway.
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
    }
  }
}
