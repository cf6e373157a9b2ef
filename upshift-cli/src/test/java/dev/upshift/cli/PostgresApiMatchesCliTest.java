package dev.upshift.cli;

import dev.upshift.store.Store;
import dev.upshift.store.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link ApiMatchesCliTest} on a real PostgreSQL ({@link TestPostgres}). */
@Tag("postgres")
class PostgresApiMatchesCliTest extends ApiMatchesCliTest {
  private TestPostgres.Database database;

  @Override
  protected Store openStore(Path scratch) {
    database = TestPostgres.get().newDatabase();
    return Store.openUrl(database.url());
  }

  @Override
  protected void afterStore() {
    if (database != null) {
      database.close();
    }
  }
}
