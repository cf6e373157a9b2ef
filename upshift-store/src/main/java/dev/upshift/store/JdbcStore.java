package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The store's logic over JDBC, written once in SQL that SQLite and PostgreSQL both run. The two
 * subclasses differ only in how they hand out connections: {@link SqliteStore} has one writer
 * connection that Java serialises, {@link PostgresStore} takes writers from its pool.
 *
 * <p>Every write transaction starts by updating the workspace's row ({@link #LOCK_WORKSPACE}),
 * which serialises the writers of one workspace: PostgreSQL locks the row until commit, SQLite
 * takes its database write lock (waiting up to its busy timeout for another process). Because the
 * first statement writes, a SQLite transaction never reads a snapshot that another process's
 * commit could make stale. After the lock, each transaction sees every committed change, so
 * classifying a batch against the stored hashes cannot race with another batch.
 */
abstract class JdbcStore implements Store {

  // --- workspaces ---
  // The next id is the largest plus one; a PostgreSQL writer racing for the same id or name gets a
  // unique violation and tries again (createWorkspace). The NOT EXISTS makes a taken name insert 0 rows.
  static final String INSERT_WORKSPACE = """
      INSERT INTO workspaces (id, name, data_version, created_at)
      SELECT last.id + 1, ?, 0, ?
      FROM (SELECT COALESCE(MAX(id), 0) AS id FROM workspaces) last
      WHERE NOT EXISTS (SELECT 1 FROM workspaces WHERE name = ?)""";
  static final String SELECT_WORKSPACE =
      "SELECT id, name, created_at FROM workspaces WHERE name = ?";
  static final String LOCK_WORKSPACE =
      "UPDATE workspaces SET data_version = data_version + 1 WHERE id = ?";
  static final String SELECT_DATA_VERSION = "SELECT data_version FROM workspaces WHERE id = ?";

  // --- keys ---
  static final String INSERT_KEY = """
      INSERT INTO api_keys (id, workspace_id, secret_hash, scope, name, created_at)
      VALUES (?, ?, ?, ?, ?, ?)""";
  static final String SELECT_ACTIVE_KEY = """
      SELECT k.id, k.scope, k.name, k.created_at, w.id, w.name, w.created_at
      FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id
      WHERE k.secret_hash = ? AND k.revoked_at IS NULL""";
  static final String SELECT_KEYS = """
      SELECT id, scope, name, created_at, revoked_at FROM api_keys
      WHERE workspace_id = ? ORDER BY created_at, id""";
  static final String REVOKE_KEY = """
      UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?)
      WHERE workspace_id = ? AND id = ?""";

  // --- records ---
  /** Ids looked up per statement; the last chunk of a batch repeats its last id to fill it. */
  static final int LOOKUP_CHUNK = 250;

  static final String SELECT_HASHES =
      "SELECT id, content_hash FROM records WHERE workspace_id = ? AND kind = ? AND id IN ("
          + String.join(", ", Collections.nCopies(LOOKUP_CHUNK, "?")) + ")";
  static final String INSERT_RECORD = """
      INSERT INTO records (workspace_id, kind, id, content_hash, content, customer_id)
      VALUES (?, ?, ?, ?, ?, ?)""";
  static final String UPDATE_RECORD = """
      UPDATE records SET content_hash = ?, content = ?, customer_id = ?
      WHERE workspace_id = ? AND kind = ? AND id = ?""";
  static final String DELETE_RECORD =
      "DELETE FROM records WHERE workspace_id = ? AND kind = ? AND id = ?";
  static final String SELECT_RECORD =
      "SELECT content FROM records WHERE workspace_id = ? AND kind = ? AND id = ?";
  static final String LIST_FIRST = """
      SELECT id, content FROM records WHERE workspace_id = ? AND kind = ?
      ORDER BY id LIMIT ?""";
  static final String LIST_AFTER = """
      SELECT id, content FROM records WHERE workspace_id = ? AND kind = ? AND id > ?
      ORDER BY id LIMIT ?""";
  static final String SELECT_ALL = """
      SELECT id, content FROM records WHERE workspace_id = ? AND kind = ?
      ORDER BY id""";
  /** Customers looked up per statement; the last chunk repeats its last customer to fill it. */
  static final String SELECT_OF_CUSTOMERS =
      "SELECT id, content FROM records WHERE workspace_id = ? AND kind = ? AND customer_id IN ("
          + String.join(", ", Collections.nCopies(LOOKUP_CHUNK, "?")) + ")";

  /** Rows sent per {@code executeBatch}: large enough to amortise the call, small enough for memory. */
  private static final int WRITE_CHUNK = 5_000;
  /** Rows fetched per round trip when streaming a snapshot (PostgreSQL reads a cursor). */
  private static final int FETCH_SIZE = 10_000;
  /** Attempts of createWorkspace when concurrent creators race for the next id. */
  private static final int CREATE_ATTEMPTS = 5;

  private final Clock clock;

  JdbcStore(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A piece of work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} on a connection that is not in auto-commit mode and whose transaction the
   * caller ends; at most one such connection per workspace is in a write at a time.
   */
  abstract <T> T withWriter(SqlWork<T> work) throws SQLException;

  /** The pool of connections for reading. */
  abstract DataSource readers();

  /** Sets up a connection, already out of auto-commit, for a consistent read-only snapshot. */
  abstract void beginSnapshot(Connection connection) throws SQLException;

  /** What a write transaction decided: its value, and whether to commit or roll back. */
  private record Outcome<T>(T value, boolean commit) {
    static <T> Outcome<T> commit(T value) {
      return new Outcome<>(value, true);
    }

    static <T> Outcome<T> discard(T value) {
      return new Outcome<>(value, false);
    }
  }

  /** Runs one short write transaction; returns only after its commit (or rollback) returned. */
  private <T> T write(String what, SqlWork<Outcome<T>> work) {
    try {
      return withWriter(connection -> {
        Outcome<T> outcome;
        try {
          outcome = work.run(connection);
        } catch (SQLException | RuntimeException | Error e) {
          rollbackAfter(connection, e);
          throw e;
        }
        if (outcome.commit()) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return outcome.value();
      });
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  private static void rollbackAfter(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private <T> T readOne(String what, SqlWork<T> work) {
    try (Connection connection = readers().getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  static StoreException failed(String what, SQLException e) {
    return new StoreException(StoreException.Code.DATABASE, what + " failed: " + e.getMessage(), e);
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
  }

  // --- workspaces ---

  @Override
  public Workspace createWorkspace(String name) {
    Workspace.checkName(name);
    for (int attempt = 1; ; attempt++) {
      try {
        return write("create workspace " + name, connection -> {
          int inserted;
          try (PreparedStatement insert = connection.prepareStatement(INSERT_WORKSPACE)) {
            insert.setString(1, name);
            insert.setString(2, now());
            insert.setString(3, name);
            inserted = insert.executeUpdate();
          }
          if (inserted == 0) {
            throw new StoreException(
                StoreException.Code.WORKSPACE_EXISTS, "workspace " + name + " exists already");
          }
          return Outcome.commit(findWorkspace(connection, name).orElseThrow());
        });
      } catch (StoreException e) {
        if (attempt == CREATE_ATTEMPTS || !isUniqueViolation(e.getCause())) {
          throw e;
        }
      }
    }
  }

  /** PostgreSQL's unique_violation, or SQLite's constraint failure on a primary key or unique index. */
  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
          || sql.getErrorCode() == 19 && String.valueOf(sql.getMessage()).contains("UNIQUE"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<Workspace> findWorkspace(String name) {
    requireNonNull(name, "name is null");
    // Malformed names, ids and cursors are answered here: PostgreSQL would refuse some as text.
    if (!Workspace.isValidName(name)) {
      return Optional.empty();
    }
    return readOne("find workspace " + name, connection -> findWorkspace(connection, name));
  }

  private static Optional<Workspace> findWorkspace(Connection connection, String name)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT_WORKSPACE)) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new Workspace(row.getLong(1), row.getString(2), Instant.parse(row.getString(3))))
            : Optional.empty();
      }
    }
  }

  @Override
  public long dataVersion(Workspace workspace) {
    requireNonNull(workspace, "workspace is null");
    return readOne("read data version", connection -> dataVersion(connection, workspace));
  }

  private static long dataVersion(Connection connection, Workspace workspace) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT_DATA_VERSION)) {
      select.setLong(1, workspace.id());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("no workspace " + workspace.name() + " in this store");
        }
        return row.getLong(1);
      }
    }
  }

  /**
   * Locks the workspace for a change and returns its next data version (the current one plus one);
   * the caller commits only if it changed something.
   */
  private static long lockForChange(Connection connection, Workspace workspace) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK_WORKSPACE)) {
      lock.setLong(1, workspace.id());
      if (lock.executeUpdate() != 1) {
        throw new IllegalArgumentException("no workspace " + workspace.name() + " in this store");
      }
    }
    return dataVersion(connection, workspace);
  }

  /**
   * As {@link #lockForChange(Connection, Workspace)}, refusing the change when the workspace is no
   * longer at {@code expected} ({@link Store#ANY_DATA_VERSION} accepts any).
   */
  private static long lockForChange(Connection connection, Workspace workspace, long expected)
      throws SQLException {
    long next = lockForChange(connection, workspace);
    if (expected != ANY_DATA_VERSION && expected != next - 1) {
      throw new StoreException(StoreException.Code.DATA_VERSION_CHANGED, "workspace "
          + workspace.name() + " is at data version " + (next - 1) + ", not " + expected);
    }
    return next;
  }

  // --- keys ---

  @Override
  public NewKey createKey(Workspace workspace, KeyScope scope, String name) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(scope, "scope is null");
    String secret = Secrets.newSecret();
    String createdAt = now();
    ApiKey key = new ApiKey(Secrets.newKeyId(), workspace, scope, name, Instant.parse(createdAt), null);
    write("create key", connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_KEY)) {
        insert.setString(1, key.id());
        insert.setLong(2, workspace.id());
        insert.setBytes(3, Secrets.hash(secret));
        insert.setString(4, scope.wireName());
        insert.setString(5, name);
        insert.setString(6, createdAt);
        insert.executeUpdate();
      }
      return Outcome.commit(key);
    });
    return new NewKey(key, secret);
  }

  @Override
  public Optional<ApiKey> findActiveKey(String secret) {
    requireNonNull(secret, "secret is null");
    byte[] hash = Secrets.hash(secret);
    return readOne("find key", connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT_ACTIVE_KEY)) {
        select.setBytes(1, hash);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          Workspace workspace =
              new Workspace(row.getLong(5), row.getString(6), Instant.parse(row.getString(7)));
          return Optional.of(new ApiKey(row.getString(1), workspace, scope(row.getString(2)),
              row.getString(3), Instant.parse(row.getString(4)), null));
        }
      }
    });
  }

  @Override
  public List<ApiKey> listKeys(Workspace workspace) {
    requireNonNull(workspace, "workspace is null");
    return readOne("list keys", connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT_KEYS)) {
        select.setLong(1, workspace.id());
        List<ApiKey> keys = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            String revokedAt = row.getString(5);
            keys.add(new ApiKey(row.getString(1), workspace, scope(row.getString(2)),
                row.getString(3), Instant.parse(row.getString(4)),
                revokedAt == null ? null : Instant.parse(revokedAt)));
          }
        }
        return keys;
      }
    });
  }

  private static KeyScope scope(String stored) {
    return KeyScope.fromWireName(stored)
        .orElseThrow(() -> new IllegalStateException("unknown key scope in the store: " + stored));
  }

  @Override
  public boolean revokeKey(Workspace workspace, String keyId) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(keyId, "keyId is null");
    if (!Secrets.isKeyId(keyId)) {
      return false;
    }
    return write("revoke key", connection -> {
      try (PreparedStatement revoke = connection.prepareStatement(REVOKE_KEY)) {
        revoke.setString(1, now());
        revoke.setLong(2, workspace.id());
        revoke.setString(3, keyId);
        int revoked = revoke.executeUpdate();
        return revoked == 1 ? Outcome.commit(true) : Outcome.discard(false);
      }
    });
  }

  // --- records ---

  @Override
  public IngestResult ingest(Workspace workspace, RecordKind kind, List<DataRecord> records,
      IngestMode mode, long expectedDataVersion) {
    // The content and its hash are computed before the write lock is taken: writers wait less.
    return ingest(workspace, kind, PreparedBatch.of(records), mode, expectedDataVersion);
  }

  @Override
  public IngestResult ingest(Workspace workspace, RecordKind kind, PreparedBatch batch,
      IngestMode mode, long expectedDataVersion) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(batch, "batch is null");
    requireNonNull(mode, "mode is null");
    if (batch.size() == 0) {
      return new IngestResult(0, 0, 0, List.of(), dataVersion(workspace));
    }
    return write("ingest " + kind.wireName(), connection -> {
      long next = lockForChange(connection, workspace, expectedDataVersion);
      long current = next - 1;
      byte[][] stored = storedHashes(connection, workspace, kind, batch);
      List<String> conflicts = new ArrayList<>();
      List<Integer> inserts = new ArrayList<>();
      List<Integer> updates = new ArrayList<>();
      int unchanged = 0;
      for (int i = 0; i < batch.size(); i++) {
        if (stored[i] == null) {
          inserts.add(i);
        } else if (Arrays.equals(stored[i], batch.hashes[i])) {
          unchanged++;
        } else if (mode == IngestMode.CORRECT) {
          updates.add(i);
        } else {
          conflicts.add(batch.ids[i]);
        }
      }
      if (!conflicts.isEmpty()) {
        return Outcome.discard(IngestResult.refused(conflicts, current));
      }
      if (inserts.isEmpty() && updates.isEmpty()) {
        return Outcome.discard(new IngestResult(0, unchanged, 0, List.of(), current));
      }
      executeInChunks(connection, INSERT_RECORD, inserts,
          (insert, i) -> bindInsert(insert, workspace, kind, batch, i));
      executeInChunks(connection, UPDATE_RECORD, updates, (update, i) -> {
        update.setBytes(1, batch.hashes[i]);
        update.setString(2, batch.contents[i]);
        update.setString(3, kind.foundByCustomer() ? batch.customerIds[i] : null);
        update.setLong(4, workspace.id());
        update.setString(5, kind.wireName());
        update.setString(6, batch.ids[i]);
      });
      return Outcome.commit(new IngestResult(inserts.size(), unchanged, updates.size(), List.of(), next));
    });
  }

  @Override
  public IngestResult create(Workspace workspace, RecordKind kind, PreparedBatch batch,
      long expectedDataVersion) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(batch, "batch is null");
    if (batch.size() == 0) {
      return new IngestResult(0, 0, 0, List.of(), dataVersion(workspace));
    }
    List<Integer> all = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      all.add(i);
    }
    return write("create " + kind.wireName(), connection -> {
      long next = lockForChange(connection, workspace, expectedDataVersion);
      try {
        executeInChunks(connection, INSERT_RECORD, all,
            (insert, i) -> bindInsert(insert, workspace, kind, batch, i));
      } catch (SQLException e) {
        if (isUniqueViolation(e)) {
          throw new StoreException(StoreException.Code.RECORD_EXISTS,
              "a record of the batch is stored already: " + e.getMessage(), e);
        }
        throw e;
      }
      return Outcome.commit(new IngestResult(batch.size(), 0, 0, List.of(), next));
    });
  }

  /** Binds {@link #INSERT_RECORD} to the batch's record at {@code i}. */
  private static void bindInsert(PreparedStatement insert, Workspace workspace, RecordKind kind,
      PreparedBatch batch, int i) throws SQLException {
    insert.setLong(1, workspace.id());
    insert.setString(2, kind.wireName());
    insert.setString(3, batch.ids[i]);
    insert.setBytes(4, batch.hashes[i]);
    insert.setString(5, batch.contents[i]);
    insert.setString(6, kind.foundByCustomer() ? batch.customerIds[i] : null);
  }

  /** The stored hash of each id of the batch (null where the id is new), a chunk of ids per query. */
  private static byte[][] storedHashes(
      Connection connection, Workspace workspace, RecordKind kind, PreparedBatch batch)
      throws SQLException {
    byte[][] stored = new byte[batch.size()][];
    try (PreparedStatement select = connection.prepareStatement(SELECT_HASHES)) {
      select.setLong(1, workspace.id());
      select.setString(2, kind.wireName());
      for (int from = 0; from < batch.size(); from += LOOKUP_CHUNK) {
        for (int j = 0; j < LOOKUP_CHUNK; j++) {
          select.setString(3 + j, batch.ids[Math.min(from + j, batch.size() - 1)]);
        }
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            stored[batch.positions.get(row.getString(1))] = row.getBytes(2);
          }
        }
      }
    }
    return stored;
  }

  /** Binds the parameters of one row, the batch's record at {@code position}. */
  @FunctionalInterface
  private interface RowBinder {
    void bind(PreparedStatement statement, int position) throws SQLException;
  }

  /** Runs one statement for each position, sent {@link #WRITE_CHUNK} rows per {@code executeBatch}. */
  private static void executeInChunks(Connection connection, String sql, List<Integer> positions,
      RowBinder binder) throws SQLException {
    if (positions.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int pending = 0;
      for (int position : positions) {
        binder.bind(statement, position);
        statement.addBatch();
        if (++pending == WRITE_CHUNK) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
  }

  @Override
  public OptionalLong retract(Workspace workspace, RecordKind kind, String id) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(id, "id is null");
    if (!DataRecord.isValidId(id)) {
      return OptionalLong.empty();
    }
    return write("retract " + kind.wireName(), connection -> {
      long next = lockForChange(connection, workspace);
      try (PreparedStatement delete = connection.prepareStatement(DELETE_RECORD)) {
        delete.setLong(1, workspace.id());
        delete.setString(2, kind.wireName());
        delete.setString(3, id);
        return delete.executeUpdate() == 1
            ? Outcome.commit(OptionalLong.of(next))
            : Outcome.discard(OptionalLong.empty());
      }
    });
  }

  @Override
  public Optional<DataRecord> get(Workspace workspace, RecordKind kind, String id) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(id, "id is null");
    if (!DataRecord.isValidId(id)) {
      return Optional.empty();
    }
    return readOne("get " + kind.wireName(), connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT_RECORD)) {
        select.setLong(1, workspace.id());
        select.setString(2, kind.wireName());
        select.setString(3, id);
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(new DataRecord(id, CanonicalContent.read(row.getString(1))))
              : Optional.empty();
        }
      }
    });
  }

  @Override
  public RecordPage list(Workspace workspace, RecordKind kind, int limit, String after) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(kind, "kind is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    if (after != null) {
      DataRecord.checkId(after);
    }
    return readOne("list " + kind.wireName(), connection -> {
      try (PreparedStatement select = connection.prepareStatement(after == null ? LIST_FIRST : LIST_AFTER)) {
        int p = 1;
        select.setLong(p++, workspace.id());
        select.setString(p++, kind.wireName());
        if (after != null) {
          select.setString(p++, after);
        }
        // One more than asked tells whether another page follows.
        select.setLong(p, limit + 1L);
        List<DataRecord> records = new ArrayList<>();
        boolean more = false;
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            if (records.size() == limit) {
              more = true;
              break;
            }
            records.add(new DataRecord(row.getString(1), CanonicalContent.read(row.getString(2))));
          }
        }
        return new RecordPage(records, more ? records.get(limit - 1).id() : null);
      }
    });
  }

  @Override
  public <T> T read(Workspace workspace, Function<? super Snapshot, ? extends T> reading) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(reading, "reading is null");
    try (Connection connection = readers().getConnection()) {
      connection.setAutoCommit(false);
      beginSnapshot(connection);
      try {
        ConnectionSnapshot snapshot =
            new ConnectionSnapshot(connection, workspace, dataVersion(connection, workspace));
        T result;
        try {
          result = reading.apply(snapshot);
        } finally {
          snapshot.open = false;
        }
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackAfter(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw failed("read snapshot", e);
    }
  }

  private static final class ConnectionSnapshot implements Snapshot {
    private final Connection connection;
    private final Workspace workspace;
    private final long dataVersion;
    private boolean open = true;

    ConnectionSnapshot(Connection connection, Workspace workspace, long dataVersion) {
      this.connection = connection;
      this.workspace = workspace;
      this.dataVersion = dataVersion;
    }

    @Override
    public long dataVersion() {
      return dataVersion;
    }

    @Override
    public void forEach(RecordKind kind, Consumer<? super DataRecord> action) {
      requireNonNull(kind, "kind is null");
      requireNonNull(action, "action is null");
      if (!open) {
        throw new IllegalStateException("the snapshot was used after its read ended");
      }
      try (PreparedStatement select = connection.prepareStatement(SELECT_ALL)) {
        select.setFetchSize(FETCH_SIZE);
        select.setLong(1, workspace.id());
        select.setString(2, kind.wireName());
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            action.accept(new DataRecord(row.getString(1), CanonicalContent.read(row.getString(2))));
          }
        }
      } catch (SQLException e) {
        throw failed("read " + kind.wireName(), e);
      }
    }

    @Override
    public void forEachOfCustomers(RecordKind kind, Collection<String> customerIds,
        Consumer<? super DataRecord> action) {
      requireNonNull(kind, "kind is null");
      requireNonNull(action, "action is null");
      if (!kind.foundByCustomer()) {
        throw new IllegalArgumentException(kind.wireName() + " records are not found by customer");
      }
      if (!open) {
        throw new IllegalStateException("the snapshot was used after its read ended");
      }
      // Malformed ids cannot be stored, so they find nothing (and never reach PostgreSQL's text).
      String[] ids = customerIds.stream().filter(id -> id != null && Text.isColumnText(id)).distinct().toArray(String[]::new);
      if (ids.length == 0) {
        return;
      }
      try (PreparedStatement select = connection.prepareStatement(SELECT_OF_CUSTOMERS)) {
        select.setLong(1, workspace.id());
        select.setString(2, kind.wireName());
        for (int from = 0; from < ids.length; from += LOOKUP_CHUNK) {
          for (int j = 0; j < LOOKUP_CHUNK; j++) {
            select.setString(3 + j, ids[Math.min(from + j, ids.length - 1)]);
          }
          try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
              action.accept(new DataRecord(row.getString(1), CanonicalContent.read(row.getString(2))));
            }
          }
        }
      } catch (SQLException e) {
        throw failed("read " + kind.wireName() + " of customers", e);
      }
    }
  }
}
