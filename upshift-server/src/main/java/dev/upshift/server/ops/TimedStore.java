package dev.upshift.server.ops;

import static java.util.Objects.requireNonNull;

import dev.upshift.store.ApiKey;
import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.IngestResult;
import dev.upshift.store.KeyScope;
import dev.upshift.store.NewKey;
import dev.upshift.store.PreparedBatch;
import dev.upshift.store.RecordKind;
import dev.upshift.store.RecordPage;
import dev.upshift.store.Snapshot;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Store} that times every operation of the store it wraps ({@code
 * upshift_store_operation_seconds}, tag {@code operation}). Adds nothing else; thread-safe as the
 * wrapped store.
 */
public final class TimedStore implements Store {
  private final Store store;
  private final ServerMetrics metrics;

  public TimedStore(Store store, ServerMetrics metrics) {
    this.store = requireNonNull(store, "store is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  private <T> T timed(String operation, Supplier<T> call) {
    return metrics.storeOperation(operation).record(call);
  }

  @Override
  public Workspace createWorkspace(String name) {
    return timed("create_workspace", () -> store.createWorkspace(name));
  }

  @Override
  public Optional<Workspace> findWorkspace(String name) {
    return timed("find_workspace", () -> store.findWorkspace(name));
  }

  @Override
  public NewKey createKey(Workspace workspace, KeyScope scope, String name) {
    return timed("create_key", () -> store.createKey(workspace, scope, name));
  }

  @Override
  public Optional<ApiKey> findActiveKey(String secret) {
    return timed("find_key", () -> store.findActiveKey(secret));
  }

  @Override
  public List<ApiKey> listKeys(Workspace workspace) {
    return timed("list_keys", () -> store.listKeys(workspace));
  }

  @Override
  public boolean revokeKey(Workspace workspace, String keyId) {
    return timed("revoke_key", () -> store.revokeKey(workspace, keyId));
  }

  @Override
  public IngestResult ingest(Workspace workspace, RecordKind kind, List<DataRecord> records,
      IngestMode mode, long expectedDataVersion) {
    return timed("ingest", () -> store.ingest(workspace, kind, records, mode, expectedDataVersion));
  }

  @Override
  public IngestResult ingest(Workspace workspace, RecordKind kind, PreparedBatch batch,
      IngestMode mode, long expectedDataVersion) {
    return timed("ingest", () -> store.ingest(workspace, kind, batch, mode, expectedDataVersion));
  }

  @Override
  public IngestResult create(Workspace workspace, RecordKind kind, PreparedBatch batch,
      long expectedDataVersion) {
    return timed("create", () -> store.create(workspace, kind, batch, expectedDataVersion));
  }

  @Override
  public OptionalLong retract(Workspace workspace, RecordKind kind, String id) {
    return timed("retract", () -> store.retract(workspace, kind, id));
  }

  @Override
  public Optional<DataRecord> get(Workspace workspace, RecordKind kind, String id) {
    return timed("get", () -> store.get(workspace, kind, id));
  }

  @Override
  public RecordPage list(Workspace workspace, RecordKind kind, int limit, String after) {
    return timed("list", () -> store.list(workspace, kind, limit, after));
  }

  @Override
  public long dataVersion(Workspace workspace) {
    return timed("data_version", () -> store.dataVersion(workspace));
  }

  @Override
  public <T> T read(Workspace workspace, Function<? super Snapshot, ? extends T> reading) {
    return timed("read", () -> store.read(workspace, reading));
  }

  @Override
  public void close() {
    store.close();
  }
}
