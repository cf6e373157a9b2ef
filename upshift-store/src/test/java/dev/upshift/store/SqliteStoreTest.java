package dev.upshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, in a data directory of its own per test. */
class SqliteStoreTest extends StoreContract {

  @TempDir Path dataDir;

  @Override
  protected Store open() {
    return SqliteStore.open(dataDir);
  }

  @Test
  void schemaOneRecordsAreMigrated(@TempDir Path fresh) throws SQLException {
    Path file = fresh.resolve("old.db");
    recordsOfSchemaOneAreFoundByCustomerAfterMigrating("jdbc:sqlite:" + file, Migrations.SQLITE,
        () -> SqliteStore.openFile(file));
  }

  @Test
  void theDatabaseIsInWalModeWithFullSync() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME));
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void secretsAreNeverWrittenToDisk() throws IOException {
    NewKey key = store.createKey(store.findWorkspace("acme").orElseThrow(), KeyScope.ADMIN, "ops");
    store.close();
    store = null;

    byte[] secret = key.secret().getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        assertThat(indexOf(Files.readAllBytes(file), secret)).as(file.toString()).isEqualTo(-1);
      }
    }
    try (Store reopened = open()) {
      assertThat(reopened.findActiveKey(key.secret())).isPresent();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
