package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.IngestResult;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Store;
import dev.upshift.store.StoreException;
import dev.upshift.store.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
  private final ConcurrentHashMap<Long, ReentrantLock> turns = new ConcurrentHashMap<>();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  public Ingestor(Store store) {
    this.store = requireNonNull(store, "store is null");
  }

  /**
   * One data version this process wrote: which kind changed and, for phases and customers, whose
   * records. Knowing every step from one version to another lets a reader update what it computed
   * at the first instead of reading everything again.
   *
   * @param workspace the workspace id
   * @param fromVersion the version the change was made on
   * @param toVersion {@code fromVersion + 1}
   * @param kind the kind of the records changed
   * @param customers the customers whose records of {@code kind} changed, before or after (a
   *     corrected phase moved to another customer names both); empty for the other kinds
   */
  public record Change(long workspace, long fromVersion, long toVersion, RecordKind kind,
      Set<String> customers) {
    public Change {
      requireNonNull(kind, "kind is null");
      customers = Set.copyOf(customers);
      if (toVersion != fromVersion + 1) {
        throw new IllegalArgumentException("a change is one version: " + fromVersion + " -> "
            + toVersion);
      }
    }
  }

  /** Told of each change, in version order per workspace, before the writer's reply is sent. */
  @FunctionalInterface
  public interface ChangeListener {
    void changed(Change change);
  }

  /** Adds a listener; it runs on the writing thread, inside the workspace's turn: keep it short. */
  public void addListener(ChangeListener listener) {
    listeners.add(requireNonNull(listener, "listener is null"));
  }

  /**
   * Runs {@code action} while no batch or retraction of the workspace is being written by this
   * process: every version this process stored has been announced to the listeners by then.
   */
  public <T> T whileIdle(Workspace workspace, Supplier<T> action) {
    ReentrantLock turn = turn(workspace);
    turn.lock();
    try {
      return action.get();
    } finally {
      turn.unlock();
    }
  }

  private ReentrantLock turn(Workspace workspace) {
    return turns.computeIfAbsent(workspace.id(), id -> new ReentrantLock(true));
  }

  /**
   * Retracts one record (SPEC §8.3) in the workspace's turn, announcing the change.
   *
   * @return the data version after the deletion, or empty if there was no such record
   */
  public OptionalLong retract(Workspace workspace, RecordKind kind, String id) {
    ReentrantLock turn = turn(workspace);
    turn.lock();
    try {
      long before = store.dataVersion(workspace);
      Optional<DataRecord> record = store.get(workspace, kind, id);
      OptionalLong after = store.retract(workspace, kind, id);
      if (after.isPresent() && after.getAsLong() == before + 1 && record.isPresent()) {
        String customer = record.get().customerId();
        announce(new Change(workspace.id(), before, after.getAsLong(), kind,
            kind.foundByCustomer() && customer != null ? Set.of(customer) : Set.of()));
      }
      return after;
    } finally {
      turn.unlock();
    }
  }

  private void announce(Change change) {
    for (ChangeListener listener : listeners) {
      listener.changed(change);
    }
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
    ReentrantLock turn = turn(workspace);
    turn.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        BatchValidator.Stored stored = stored(workspace, kind, prepared);
        BatchValidator.Checked checked = BatchValidator.check(prepared, stored);
        if (!checked.valid()) {
          throw new InvalidRecords(checked.errors(), checked.errorCount());
        }
        Set<String> moved = kind.foundByCustomer() && mode == IngestMode.CORRECT
            ? customersLeft(workspace, kind, prepared, stored) : Set.of();
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
        if (result.dataVersion() == stored.dataVersion() + 1) {
          Set<String> customers = new HashSet<>();
          if (kind.foundByCustomer()) {
            customers.addAll(prepared.customerIds());
            customers.addAll(moved);
          }
          announce(new Change(workspace.id(), stored.dataVersion(), result.dataVersion(), kind,
              customers));
        }
        return result;
      }
    } finally {
      turn.unlock();
    }
  }

  /**
   * The customers that stored records a correction replaces belong to, when not the batch's own:
   * a phase corrected onto another customer leaves its old customer changed too. Only ids the
   * check did not read (those of other customers) are looked up.
   */
  private Set<String> customersLeft(Workspace workspace, RecordKind kind,
      BatchValidator.Prepared prepared, BatchValidator.Stored stored) {
    Set<String> read = new HashSet<>();
    stored.sameKind().forEach(record -> read.add(record.id()));
    Set<String> customers = new HashSet<>();
    for (String id : prepared.ids()) {
      if (id != null && !read.contains(id)) {
        store.get(workspace, kind, id).map(DataRecord::customerId).ifPresent(customers::add);
      }
    }
    return customers;
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
