package dev.upshift.store;

import dev.upshift.store.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

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
