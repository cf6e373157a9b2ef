package dev.upshift.store;

import dev.upshift.store.testing.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL, a fresh database per test ({@link TestPostgres}). */
@Tag("postgres")
class PostgresStoreTest extends StoreContract {

  private TestPostgres.Database database;

  @Override
  protected Store open() {
    if (database == null) {
      database = TestPostgres.get().newDatabase();
    }
    return PostgresStore.open(database.url());
  }

  @Test
  void schemaOneRecordsAreMigrated() throws SQLException {
    try (TestPostgres.Database fresh = TestPostgres.get().newDatabase()) {
      recordsOfSchemaOneAreFoundByCustomerAfterMigrating(fresh.url(), Migrations.POSTGRES,
          () -> PostgresStore.open(fresh.url()));
    }
  }

  @AfterEach
  void dropDatabase() {
    if (store != null) {
      store.close();
      store = null;
    }
    if (database != null) {
      database.close();
    }
  }
}
