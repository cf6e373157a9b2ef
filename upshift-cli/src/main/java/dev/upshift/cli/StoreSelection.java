package dev.upshift.cli;

import dev.upshift.store.Store;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which store the service commands use (§8.1): {@code --data-dir DIR} (the embedded database,
 * default {@code ./upshift-data}) or {@code --db JDBC_URL} (PostgreSQL), else the environment's
 * {@code UPSHIFT_DATA_DIR} or {@code UPSHIFT_DB}.
 */
final class StoreSelection {
  /** The data directory when nothing else is given. */
  static final Path DEFAULT_DATA_DIR = Path.of("upshift-data");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @ArgGroup(exclusive = true)
  Choice choice;

  /** One or the other. */
  static final class Choice {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Directory of the embedded database (default: $UPSHIFT_DATA_DIR or ./upshift-data).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
        description = "A PostgreSQL database instead, e.g. jdbc:postgresql://host/db?user=u&password=p (default: $UPSHIFT_DB).")
    String db;
  }

  /** Where the store is, for messages (never a URL's parameters, which may hold a password). */
  String describe(Map<String, String> env) {
    String db = db(env);
    if (db != null) {
      int query = db.indexOf('?');
      return query < 0 ? db : db.substring(0, query) + "?…";
    }
    return dataDir(env).toString();
  }

  /** Opens the store, creating or migrating its schema. */
  Store open(Map<String, String> env) {
    String db = db(env);
    if (db != null) {
      try {
        return Store.openUrl(db);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return Store.openDataDir(dataDir(env));
  }

  private String db(Map<String, String> env) {
    if (choice != null) {
      return choice.db;
    }
    return env.get("UPSHIFT_DATA_DIR") != null ? null : env.get("UPSHIFT_DB");
  }

  private Path dataDir(Map<String, String> env) {
    if (choice != null && choice.dataDir != null) {
      return choice.dataDir;
    }
    String fromEnv = env.get("UPSHIFT_DATA_DIR");
    return fromEnv != null ? Path.of(fromEnv) : DEFAULT_DATA_DIR;
  }
}
