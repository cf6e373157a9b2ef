package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.upshift.server.events.DataVersionListener;
import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.IngestResult;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Store;
import dev.upshift.store.StoreException;
import dev.upshift.store.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ingests batches (SPEC §8.3): checks each against the stored records it could clash with, read at
 * one data version, and stores it only if the workspace is still at that version when the store's
 * transaction has locked it ({@link Store#ingest(Workspace, RecordKind, List, IngestMode, long)});
 * if another writer came first, the batch is checked again. Within this process, batches of one
 * workspace take turns, so concurrent clients queue instead of invalidating each other's checks;
 * another process (an {@code upshift import} beside the server) is caught by the version.
 * Thread-safe.
 */
public final class Ingestor {
  /** Checks and writes before a busy workspace is reported as busy. */
  static final int ATTEMPTS = 5;

  private final Store store;
  private final DataVersionListener listener;
  private final ConcurrentHashMap<Long, ReentrantLock> turns = new ConcurrentHashMap<>();

  public Ingestor(Store store) {
    this(store, DataVersionListener.NONE);
  }

  /** @param listener told of each new data version once its batch or retraction is committed */
  public Ingestor(Store store, DataVersionListener listener) {
    this.store = requireNonNull(store, "store is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  /** A batch with errors: nothing was stored (a 422). */
  public static final class InvalidRecords extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RecordError> errors;
    private final long count;

    InvalidRecords(List<RecordError> errors, long count) {
      super(count + (count == 1 ? " record error" : " record errors") + "; nothing was stored");
      this.errors = List.copyOf(errors);
      this.count = count;
    }

    /** The first errors, by record. */
    public List<RecordError> errors() {
      return errors;
    }

    /** How many errors there were in all. */
    public long count() {
      return count;
    }
  }

  /** A batch that would change stored records without {@code mode=correct}: nothing was stored (a 409). */
  public static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> ids;

    Conflict(List<String> ids) {
      super(ids.size() + (ids.size() == 1 ? " record differs" : " records differ")
          + " from the stored record of the same id; send them with mode=correct to replace them");
      this.ids = List.copyOf(ids);
    }

    /** The ids whose stored content differs, in batch order. */
    public List<String> ids() {
      return ids;
    }
  }

  /**
   * Checks and stores a batch, all or nothing; returns after the store committed it.
   *
   * @throws InvalidRecords when a record breaks a rule
   * @throws Conflict when a record changes a stored one and {@code mode} is strict
   * @throws StoreException when the database fails, or ({@link
   *     StoreException.Code#DATA_VERSION_CHANGED}) other writers kept changing the workspace
   */
  public IngestResult ingest(Workspace workspace, RecordKind kind, Batch batch, IngestMode mode) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(batch, "batch is null");
    requireNonNull(mode, "mode is null");
    // What needs no stored records is done before this batch's turn, beside another's.
    BatchValidator.Prepared prepared = BatchValidator.prepare(kind, batch);
    ReentrantLock turn = turns.computeIfAbsent(workspace.id(), id -> new ReentrantLock(true));
    turn.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        BatchValidator.Stored stored = stored(workspace, kind, prepared);
        BatchValidator.Checked checked = BatchValidator.check(prepared, stored);
        if (!checked.valid()) {
          throw new InvalidRecords(checked.errors(), checked.errorCount());
        }
        IngestResult result;
        try {
          result = store.ingest(workspace, kind, prepared.prepared(), mode, stored.dataVersion());
        } catch (StoreException e) {
          if (e.code() == StoreException.Code.DATA_VERSION_CHANGED && attempt < ATTEMPTS) {
            continue;
          }
          throw e;
        }
        if (!result.stored()) {
          throw new Conflict(result.conflicts());
        }
        listener.changed(workspace, result.dataVersion());
        return result;
      }
    } finally {
      turn.unlock();
    }
  }

  /**
   * Retracts one record (SPEC §8.3 {@code DELETE}).
   *
   * @return the new data version, or empty when there is no such record
   */
  public OptionalLong retract(Workspace workspace, RecordKind kind, String id) {
    OptionalLong version = store.retract(workspace, kind, id);
    version.ifPresent(v -> listener.changed(workspace, v));
    return version;
  }

  /**
   * Checks a batch against the stored records it could clash with, storing nothing: what {@link
   * #ingest} would refuse it for, at the current data version.
   */
  public BatchValidator.Checked check(Workspace workspace, RecordKind kind, Batch batch) {
    BatchValidator.Prepared prepared = BatchValidator.prepare(kind, batch);
    return BatchValidator.check(prepared, stored(workspace, kind, prepared));
  }

  /** The stored records a batch of this kind is checked against, at one data version. */
  private BatchValidator.Stored stored(Workspace workspace, RecordKind kind,
      BatchValidator.Prepared prepared) {
    return switch (kind) {
      // health.csv has no rule across rows (the last score of a day wins, §10)
      case HEALTH -> BatchValidator.Stored.none();
      case PHASES, CUSTOMERS -> {
        Set<String> customers = prepared.customerIds();
        yield store.read(workspace, snapshot -> {
          List<DataRecord> sameKind = new ArrayList<>();
          snapshot.forEachOfCustomers(kind, customers, sameKind::add);
          List<DataRecord> fx = new ArrayList<>();
          if (kind == RecordKind.PHASES) {
            snapshot.forEach(RecordKind.FX, fx::add);
          }
          return new BatchValidator.Stored(snapshot.dataVersion(), sameKind, fx);
        });
      }
      case PLANS, TARGETS, FX, INITIATIVES -> store.read(workspace, snapshot -> {
        List<DataRecord> sameKind = new ArrayList<>();
        snapshot.forEach(kind, sameKind::add);
        return new BatchValidator.Stored(snapshot.dataVersion(), sameKind, List.of());
      });
    };
  }
}
