package dev.upshift.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario run once on each store: {@code sqlite()} on an embedded store in a temporary
 * directory, {@code postgres()} (tagged {@code postgres}) on a fresh database of the throwaway
 * PostgreSQL, dropped afterwards.
 */
abstract class OnBothStores {
  /** The scenario, on a store; {@code dir} is its scratch directory. */
  abstract void run(Backend backend, Path dir);

  @Test
  void sqlite(@TempDir Path dir) {
    run(Backend.sqlite(dir), dir);
  }

  @Test
  @Tag("postgres")
  void postgres(@TempDir Path dir) {
    try (Backend backend = Backend.postgres()) {
      run(backend, dir);
    }
  }
}
