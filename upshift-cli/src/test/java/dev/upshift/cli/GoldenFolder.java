package dev.upshift.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/golden}, which lives beside the repository (SPEC's worked examples). */
final class GoldenFolder {
  private GoldenFolder() {}

  static Path locate() {
    String configured = System.getProperty("upshift.golden");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("golden");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find shared/golden beside the repository; "
        + "set -Dupshift.golden=/path/to/shared/golden");
  }
}
