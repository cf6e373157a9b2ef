package dev.upshift.reliability;

import dev.upshift.store.Store;
import dev.upshift.store.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;

/**
 * The store a scenario runs on: the embedded SQLite store in a directory, or a fresh database of
 * the throwaway PostgreSQL ({@link TestPostgres}). The same scenario code runs on both.
 */
abstract class Backend implements AutoCloseable {
  /** A name for messages and figures. */
  abstract String name();

  /** Opens the store in this process (creating its schema the first time). */
  abstract Store open();

  /** The flags of {@code upshift serve} (and the other service commands) that select the store. */
  abstract List<String> storeFlags();

  @Override
  public void close() {}

  static Backend sqlite(Path dir) {
    Path data = dir.resolve("data");
    return new Backend() {
      @Override
      String name() {
        return "sqlite";
      }

      @Override
      Store open() {
        return Store.openDataDir(data);
      }

      @Override
      List<String> storeFlags() {
        return List.of("--data-dir", data.toString());
      }
    };
  }

  static Backend postgres() {
    TestPostgres.Database database = TestPostgres.get().newDatabase();
    return new Backend() {
      @Override
      String name() {
        return "postgres";
      }

      @Override
      Store open() {
        return Store.openUrl(database.url());
      }

      @Override
      List<String> storeFlags() {
        return List.of("--db", database.url());
      }

      @Override
      public void close() {
        database.close();
      }
    };
  }
}
