package dev.upshift.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The production store on PostgreSQL (the official {@code org.postgresql} driver), for {@code --db
 * jdbc:postgresql://…}. Writers of one workspace queue on its row lock; writers of different
 * workspaces and all readers run side by side. Snapshots are {@code REPEATABLE READ} read-only
 * transactions.
 */
public final class PostgresStore extends JdbcStore {

  private static final int POOL_SIZE = 10;

  private final HikariDataSource pool;

  private PostgresStore(String jdbcUrl, Clock clock) {
    super(clock);
    HikariConfig config = new HikariConfig();
    config.setPoolName("upshift-postgres");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POOL_SIZE);
    // Sends a batch of inserts as multi-row INSERTs: one statement per 128 rows instead of per row.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new StoreException(StoreException.Code.DATABASE,
          "cannot connect to " + withoutSecrets(jdbcUrl) + ": " + e.getMessage(), e);
    }
    try {
      Migrations.migrate(pool, Migrations.POSTGRES);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Connects to the database a {@code jdbc:postgresql:} URL names and migrates its schema. */
  public static PostgresStore open(String jdbcUrl) {
    return new PostgresStore(jdbcUrl, Clock.systemUTC());
  }

  public static PostgresStore open(String jdbcUrl, Clock clock) {
    return new PostgresStore(jdbcUrl, clock);
  }

  // A URL may carry a password as a parameter; it must not end up in an error message or a log.
  private static String withoutSecrets(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }

  @Override
  <T> T withWriter(SqlWork<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      return work.run(connection);
    }
  }

  @Override
  DataSource readers() {
    return pool;
  }

  @Override
  void beginSnapshot(Connection connection) throws SQLException {
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
  }

  @Override
  public void close() {
    pool.close();
  }
}
