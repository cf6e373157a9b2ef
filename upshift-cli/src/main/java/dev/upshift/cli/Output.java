package dev.upshift.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command writes: a file given with {@code --out}, or the command's standard output. A file
 * is written to a temporary sibling and moved into place only when complete, so a failed run never
 * leaves half a report behind.
 */
final class Output {
  /** Writes text. */
  interface TextBody {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes bytes. */
  interface BinaryBody {
    void writeTo(OutputStream out) throws IOException;
  }

  private Output() {}

  /** Writes text to {@code file} (UTF-8), or to {@code stdout} when {@code file} is null. */
  static void text(Path file, PrintWriter stdout, TextBody body) throws IOException {
    if (file == null) {
      body.writeTo(stdout);
      stdout.flush();
      return;
    }
    binary(file, out -> {
      Writer writer = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      body.writeTo(writer);
      writer.flush();
    });
  }

  /**
   * Writes bytes to {@code file} atomically.
   *
   * @throws IOException naming the file when it cannot be written (a folder, no permission, a
   *     full disk)
   */
  static void binary(Path file, BinaryBody body) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new java.nio.file.FileSystemException(file.toString(), null,
          "it is a folder; name a file (e.g. " + file.resolve("report") + ")");
    }
    try {
      write(absolute, body);
    } catch (java.nio.file.FileSystemException e) {
      throw e;
    } catch (IOException e) {
      // A stream's failure (a full disk) does not name the file; the message must.
      throw new java.nio.file.FileSystemException(file.toString(), null, e.getMessage());
    }
  }

  /**
   * One line about a file that could not be read or written: {@code cannot write out.html:
   * permission denied}.
   */
  static String describe(Throwable e) {
    if (e instanceof java.nio.file.FileSystemException failure) {
      String reason = failure.getReason();
      if (reason == null) {
        reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
            : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
            : e instanceof java.nio.file.NotDirectoryException ? "a part of the path is not a folder"
            : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
            : e.getClass().getSimpleName();
      }
      return "cannot write " + failure.getFile() + ": " + reason;
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static void write(Path absolute, BinaryBody body) throws IOException {
    if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
      // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: moving a
      // file over it would replace the device itself, for every program on the machine.
      try (OutputStream out = new java.io.BufferedOutputStream(
          Files.newOutputStream(absolute, StandardOpenOption.WRITE), 1 << 16)) {
        body.writeTo(out);
      }
      return;
    }
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    // Not Files.createTempFile: its owner-only permissions would stick to the report.
    Path temp = parent.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        body.writeTo(out);
      }
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
