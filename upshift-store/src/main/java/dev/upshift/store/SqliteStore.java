package dev.upshift.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one SQLite file (xerial {@code sqlite-jdbc}) in WAL mode with {@code
 * synchronous=FULL}, so a commit is on disk when it returns and a crash loses no acknowledged
 * batch. SQLite lets one writer in at a time; this class queues its own writers on a Java lock and
 * one connection, and waits up to {@link #BUSY_TIMEOUT_MILLIS} for writers of other processes
 * (the operator commands may run beside the server). Readers use pooled connections and never wait
 * for the writer (WAL).
 */
public final class SqliteStore extends JdbcStore {

  /** The database file inside a data directory. */
  public static final String FILE_NAME = "upshift.db";
  /** How long a statement waits for another process's write lock before failing. */
  public static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private static final int READERS = 8;
  // Page cache, in KiB (SQLite reads a negative cache_size as KiB). The writer's holds the upper
  // levels of the records index during large imports; readers stream in id order and need less.
  private static final int WRITER_CACHE_KIB = 128 * 1024;
  private static final int READER_CACHE_KIB = 16 * 1024;

  private final ReentrantLock writeLock = new ReentrantLock();
  private final Connection writer;
  private final HikariDataSource readers;

  private SqliteStore(Path file, Clock clock) {
    super(clock);
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    Migrations.migrate(dataSource(url, WRITER_CACHE_KIB), Migrations.SQLITE);
    try {
      writer = dataSource(url, WRITER_CACHE_KIB).getConnection();
      writer.setAutoCommit(false);
    } catch (SQLException e) {
      throw failed("open " + file, e);
    }
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("upshift-sqlite-readers");
    pool.setDataSource(dataSource(url, READER_CACHE_KIB));
    pool.setMaximumPoolSize(READERS);
    pool.setMinimumIdle(1);
    try {
      readers = new HikariDataSource(pool);
    } catch (RuntimeException e) {
      try {
        writer.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Opens (creating if needed) the store in a data directory, file {@value #FILE_NAME}. */
  public static SqliteStore open(Path dataDir) {
    return open(dataDir, Clock.systemUTC());
  }

  public static SqliteStore open(Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    return new SqliteStore(dataDir.resolve(FILE_NAME), clock);
  }

  /** Opens (creating if needed) the store in one database file. */
  public static SqliteStore openFile(Path file) {
    return new SqliteStore(file, Clock.systemUTC());
  }

  private static SQLiteDataSource dataSource(String url, int cacheKib) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-cacheKib);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }

  @Override
  <T> T withWriter(SqlWork<T> work) throws SQLException {
    writeLock.lock();
    try {
      return work.run(writer);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  DataSource readers() {
    return readers;
  }

  @Override
  void beginSnapshot(Connection connection) {
    // A WAL read transaction is a snapshot from its first read on.
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      readers.close();
      writer.close();
    } catch (SQLException e) {
      throw failed("close", e);
    } finally {
      writeLock.unlock();
    }
  }
}
