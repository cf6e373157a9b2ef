package dev.upshift.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The service's durable store (SPEC §8): workspaces, their keys and their records. Two
 * implementations keep the same promises: {@link SqliteStore} (embedded, the default) and {@link
 * PostgresStore}.
 *
 * <p>Promises: every method that changes data returns only after its transaction committed
 * durably, and a failed or refused call changed nothing. A workspace's records and keys are never
 * visible through another workspace. Methods are safe to call from many threads at once.
 * Failures of the database are {@link StoreException}s with code {@link StoreException.Code#DATABASE}.
 */
public interface Store extends AutoCloseable {

  /** Opens the embedded store in {@code dataDir} (created if missing): {@code --data-dir}. */
  static Store openDataDir(Path dataDir) {
    return SqliteStore.open(dataDir);
  }

  /**
   * Opens the store a JDBC URL names: {@code jdbc:postgresql:…} ({@code --db}) or {@code
   * jdbc:sqlite:FILE}. The schema is created or migrated first.
   */
  static Store openUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(jdbcUrl);
    }
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SqliteStore.openFile(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())));
    }
    throw new IllegalArgumentException(
        "unsupported database URL (jdbc:postgresql:… or jdbc:sqlite:… expected): " + jdbcUrl);
  }

  // --- workspaces ---

  /**
   * Creates an empty workspace at data version 0.
   *
   * @throws StoreException with code {@link StoreException.Code#WORKSPACE_EXISTS} if the name is taken
   * @throws IllegalArgumentException if the name breaks {@link Workspace#checkName}
   */
  Workspace createWorkspace(String name);

  Optional<Workspace> findWorkspace(String name);

  // --- keys ---

  /** Creates a key; the result carries the secret, which is never available again. */
  NewKey createKey(Workspace workspace, KeyScope scope, String name);

  /**
   * The active key whose secret this is: empty for an unknown or revoked secret alike (both are a
   * 401). The secret is hashed and looked up by hash.
   */
  Optional<ApiKey> findActiveKey(String secret);

  /** The workspace's keys, revoked ones included, oldest first. */
  List<ApiKey> listKeys(Workspace workspace);

  /**
   * Revokes a key of this workspace (again is no error).
   *
   * @return false if the workspace has no key with this id
   */
  boolean revokeKey(Workspace workspace, String keyId);

  // --- records ---

  /**
   * Stores a batch, all or nothing (SPEC §8.3). A new id is created; a stored id with the same
   * content is left alone (so a retried batch changes nothing); a stored id with different content
   * is a conflict that refuses the whole batch, unless {@code mode} is {@link IngestMode#CORRECT},
   * which replaces it. The data version grows by one when the batch changed anything.
   *
   * @throws IllegalArgumentException if an id occurs twice in the batch (the caller's validation
   *     reports that as an input error)
   */
  default IngestResult ingest(
      Workspace workspace, RecordKind kind, List<DataRecord> records, IngestMode mode) {
    return ingest(workspace, kind, records, mode, ANY_DATA_VERSION);
  }

  /** {@link #ingest}'s {@code expectedDataVersion} when any version will do. */
  long ANY_DATA_VERSION = -1;

  /**
   * As {@link #ingest(Workspace, RecordKind, List, IngestMode)}, only if the workspace is still at
   * {@code expectedDataVersion} when the batch's transaction has locked it: a caller that checked
   * the batch against the records of a {@link Snapshot} passes its version, so that no change
   * between the check and the write goes unseen.
   *
   * @param expectedDataVersion the version the caller checked against, or {@link
   *     #ANY_DATA_VERSION}
   * @throws StoreException with code {@link StoreException.Code#DATA_VERSION_CHANGED} when the
   *     workspace moved on (nothing was stored)
   */
  IngestResult ingest(Workspace workspace, RecordKind kind, List<DataRecord> records,
      IngestMode mode, long expectedDataVersion);

  /**
   * As {@link #ingest(Workspace, RecordKind, List, IngestMode, long)}, for a batch prepared ahead
   * ({@link PreparedBatch#of}): the same promises, without the preparing.
   */
  IngestResult ingest(Workspace workspace, RecordKind kind, PreparedBatch batch, IngestMode mode,
      long expectedDataVersion);

  /**
   * Stores a batch of records that must all be new, without looking up stored ones: the bulk load
   * of a kind the workspace holds no records of (a caller that knows, by the data version, that
   * nothing was stored since). All or nothing, committed before it returns, like {@link #ingest}.
   *
   * @throws StoreException with code {@link StoreException.Code#RECORD_EXISTS} when an id is stored
   *     already, or {@link StoreException.Code#DATA_VERSION_CHANGED} as {@link #ingest}; nothing
   *     was stored
   */
  IngestResult create(Workspace workspace, RecordKind kind, PreparedBatch batch,
      long expectedDataVersion);

  /**
   * Deletes one record.
   *
   * @return the data version after the deletion, or empty if there was no such record
   */
  OptionalLong retract(Workspace workspace, RecordKind kind, String id);

  Optional<DataRecord> get(Workspace workspace, RecordKind kind, String id);

  /**
   * Lists records with ids after {@code after} (all when null), ascending by id. Ids compare by
   * Unicode code point, the same in both databases.
   *
   * @param limit at least 1
   * @throws IllegalArgumentException if {@code after} is not a valid id ({@link DataRecord#checkId})
   */
  RecordPage list(Workspace workspace, RecordKind kind, int limit, String after);

  /** The workspace's data version: 0 when created, one more with every change of its records. */
  long dataVersion(Workspace workspace);

  /**
   * Runs {@code reading} against a consistent snapshot of the workspace (one data version for all
   * kinds), inside one read-only transaction that ends when it returns.
   */
  <T> T read(Workspace workspace, Function<? super Snapshot, ? extends T> reading);

  /** Closes the store's connections. */
  @Override
  void close();
}
