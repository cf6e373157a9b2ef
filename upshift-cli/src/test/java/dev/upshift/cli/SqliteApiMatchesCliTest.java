package dev.upshift.cli;

import dev.upshift.store.Store;
import java.nio.file.Path;

/** {@link ApiMatchesCliTest} on the embedded store. */
class SqliteApiMatchesCliTest extends ApiMatchesCliTest {
  @Override
  protected Store openStore(Path scratch) {
    return Store.openDataDir(scratch.resolve("data"));
  }
}
