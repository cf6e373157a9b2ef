package dev.upshift.render.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (the Debian package, {@code /usr/bin/chromium}) for tests and screenshots:
 * a fresh profile per run, no network services, nothing kept.
 */
public final class Chromium {
  static final Path BINARY = Path.of(System.getProperty("upshift.chromium", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 90;

  private Chromium() {}

  /** The browser, when installed. */
  public static Optional<Path> binary() {
    return Files.isExecutable(BINARY) ? Optional.of(BINARY) : Optional.empty();
  }

  /** What a run printed. */
  public record Output(String stdout, String stderr) {}

  /** The DOM after the page's scripts ran (and its console output on stderr). */
  public static Output dumpDom(Path html) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=10000", html.toUri().toString()));
  }

  /** The DOM after the page's scripts ran in a window {@code width} pixels wide. */
  public static Output dumpDom(Path html, int width) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", "--enable-logging=stderr", "--v=0",
        "--window-size=" + width + ",2400", "--virtual-time-budget=10000",
        html.toUri().toString()));
  }

  /** A screenshot of the top {@code height} pixels of the page at a window width. */
  public static void screenshot(Path html, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(List.of("--hide-scrollbars", "--virtual-time-budget=10000",
        "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
        html.toUri().toString()));
    if (!Files.exists(png)) {
      throw new IOException("chromium wrote no screenshot to " + png);
    }
  }

  private static Output run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("upshift-chromium");
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    try {
      List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless",
          "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile));
      command.addAll(args);
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Output(Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
