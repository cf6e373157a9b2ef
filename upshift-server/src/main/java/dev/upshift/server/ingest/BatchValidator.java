package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InitiativesReader;
import dev.upshift.io.csv.InputRecords;
import dev.upshift.io.csv.RecordTable;
import dev.upshift.store.DataRecord;
import dev.upshift.store.PreparedBatch;
import dev.upshift.store.RecordKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a batch by the rules of §1 (SPEC §8.3) with the readers of {@code upshift-io}, so the
 * service has no rules of its own: the batch's records are read as the rows of their file, after
 * the stored records they could clash with (the phases of the same customers, the customers, the
 * plans, targets, rates or initiatives already stored), so that an overlap or a repeated key with
 * a stored record is reported at the batch's record, naming the stored one. Stored records the
 * batch replaces (same id) are left out. Stateless.
 */
public final class BatchValidator {
  /** How many errors are listed; the rest are counted (§1.3). */
  public static final int LISTED = 100;

  private BatchValidator() {}

  /**
   * The stored records a batch is checked against, all read at one data version.
   *
   * @param dataVersion the version they were read at
   * @param sameKind stored records of the batch's kind that it could clash with
   * @param fx the stored exchange rates (phases need the rate of their currency), or empty
   */
  public record Stored(long dataVersion, List<DataRecord> sameKind, List<DataRecord> fx) {
    public Stored {
      sameKind = List.copyOf(sameKind);
      fx = List.copyOf(fx);
    }

    /**
     * Nothing stored to check against, for kinds without rules across records (health): any data
     * version will do ({@link dev.upshift.store.Store#ANY_DATA_VERSION}).
     */
    public static Stored none() {
      return new Stored(dev.upshift.store.Store.ANY_DATA_VERSION, List.of(), List.of());
    }
  }

  /**
   * A batch made ready for the store before it is checked against stored records: what needs no
   * lock, computed while another batch of the workspace is being checked and written.
   *
   * @param kind the records' kind
   * @param batch the batch as it arrived
   * @param ids each record's id: sent, or its kind's default; null when neither
   * @param errors errors of the batch alone that reading it does not find: its shape and its ids
   * @param prepared the records as the store keeps them (names trimmed and lower-cased, values
   *     trimmed, empty values left out) with their content hashed; {@code null} when an id is bad
   * @param customerIds the customers the records belong to (their trimmed {@code customer_id})
   */
  public record Prepared(RecordKind kind, Batch batch, List<String> ids, List<RecordError> errors,
      PreparedBatch prepared, Set<String> customerIds) {
    public Prepared {
      requireNonNull(kind, "kind is null");
      requireNonNull(batch, "batch is null");
      ids = java.util.Collections.unmodifiableList(new ArrayList<>(ids));
      errors = List.copyOf(errors);
      customerIds = Set.copyOf(customerIds);
    }
  }

  /**
   * What the check found.
   *
   * @param errors the first {@value #LISTED} errors, by record
   * @param errorCount how many errors there were in all
   */
  public record Checked(List<RecordError> errors, long errorCount) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return errorCount == 0;
    }
  }

  /** Gives each record its id, checks the ids, and prepares the records for the store. */
  public static Prepared prepare(RecordKind kind, Batch batch) {
    requireNonNull(kind, "kind is null");
    List<RecordError> errors = new ArrayList<>(batch.errors());
    Map<String, String> names = new HashMap<>();
    List<TreeMap<String, String>> fields = new ArrayList<>(batch.size());
    List<String> ids = new ArrayList<>(batch.size());
    Set<String> customers = new HashSet<>();
    for (IncomingRecord record : batch.records()) {
      TreeMap<String, String> normalised = normalised(record.fields(), names);
      fields.add(normalised);
      ids.add(record.id() != null ? record.id() : KindRules.defaultId(kind, normalised));
      String customer = normalised.get(DataRecord.CUSTOMER_ID);
      if (customer != null) {
        customers.add(customer);
      }
    }
    Map<String, Integer> firstWithId = new HashMap<>();
    boolean idsGood = true;
    for (IncomingRecord record : batch.records()) {
      idsGood &= checkId(kind, record, ids.get(record.index()), firstWithId, errors);
    }
    PreparedBatch prepared = null;
    if (idsGood) {
      List<DataRecord> records = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        records.add(new DataRecord(ids.get(i), fields.get(i)));
      }
      prepared = PreparedBatch.of(records);
    }
    return new Prepared(kind, batch, ids, errors, prepared, customers);
  }

  /** Prepares and checks a batch against the stored records it could clash with. */
  public static Checked check(RecordKind kind, Batch batch, Stored stored) {
    return check(prepare(kind, batch), stored);
  }

  /** Checks a prepared batch against the stored records it could clash with. */
  public static Checked check(Prepared prepared, Stored stored) {
    requireNonNull(stored, "stored is null");
    RecordKind kind = prepared.kind();
    Batch batch = prepared.batch();
    List<String> ids = prepared.ids();
    List<RecordError> errors = new ArrayList<>(prepared.errors());

    List<RecordTable.Row> rows = new ArrayList<>();
    Set<String> replaced = new HashSet<>(ids);
    for (DataRecord record : stored.sameKind()) {
      if (!replaced.contains(record.id())) {
        rows.add(new RecordTable.Row(record.id(), record.fields()));
      }
    }
    int storedRows = rows.size();
    for (IncomingRecord record : batch.records()) {
      rows.add(new RecordTable.Row(ids.get(record.index()), record.fields()));
    }
    RecordTable table = RecordTable.of(kind.wireName(), rows);
    long count = errors.size();
    try {
      read(kind, table, stored);
    } catch (InputException e) {
      count += e.totalErrors();
      for (InputError error : e.errors()) {
        errors.add(recordError(error, table, storedRows, batch, ids));
      }
    }
    if (count == 0 && prepared.prepared() == null) {
      // A record whose kind's key could not be built, yet with no error found by reading it.
      for (IncomingRecord record : batch.records()) {
        if (ids.get(record.index()) == null) {
          errors.add(new RecordError(record.index(), record.line() == 0 ? null : record.line(),
              null, BatchParser.ID, InputErrorCode.MISSING_ID, "the record has no id and no key"
                  + " to take one from; send an id"));
          count++;
        }
      }
    }
    if (count == 0) {
      return new Checked(List.of(), 0);
    }
    errors.sort(Comparator.comparing(RecordError::index,
        Comparator.nullsFirst(Comparator.naturalOrder())));
    return new Checked(errors.subList(0, Math.min(LISTED, errors.size())), count);
  }

  /** Checks one record's id; false when it cannot be stored. */
  private static boolean checkId(RecordKind kind, IncomingRecord record, String id,
      Map<String, Integer> firstWithId, List<RecordError> errors) {
    Long line = record.line() == 0 ? null : record.line();
    if (id == null) {
      if (KindRules.needsId(kind)) {
        errors.add(new RecordError(record.index(), line, null, BatchParser.ID,
            InputErrorCode.MISSING_ID, "a " + singular(kind) + " needs an id (1-256 characters),"
                + " unique in its workspace"));
        return false;
      }
      return false; // reading the record reports the missing field of its key
    }
    try {
      DataRecord.checkId(id);
    } catch (IllegalArgumentException e) {
      errors.add(new RecordError(record.index(), line, null, BatchParser.ID, InputErrorCode.BAD_ID,
          e.getMessage()));
      return false;
    }
    Integer first = firstWithId.putIfAbsent(id, record.index());
    if (first != null) {
      errors.add(new RecordError(record.index(), line, id, BatchParser.ID,
          InputErrorCode.DUPLICATE_ID, "id \"" + id + "\" is also the id of record " + first
              + " of this batch"));
      return false;
    }
    return true;
  }

  private static String singular(RecordKind kind) {
    return kind == RecordKind.PHASES ? "phase" : kind.wireName();
  }

  /** Reads the table as its kind's file, with what that file depends on. */
  private static void read(RecordKind kind, RecordTable table, Stored stored) {
    if (kind == RecordKind.INITIATIVES) {
      InitiativesReader.read(table);
      return;
    }
    RecordTable noPhases = RecordTable.empty(RecordKind.PHASES.wireName());
    InputRecords records = switch (kind) {
      case PHASES -> InputRecords.of(table).withFx(table(RecordKind.FX, stored.fx()));
      case CUSTOMERS -> InputRecords.of(noPhases).withCustomers(table);
      case PLANS -> InputRecords.of(noPhases).withPlans(table);
      case HEALTH -> InputRecords.of(noPhases).withHealth(table);
      case TARGETS -> InputRecords.of(noPhases).withTargets(table);
      case FX -> InputRecords.of(noPhases).withFx(table);
      case INITIATIVES -> throw new AssertionError("read above");
    };
    DatasetReader.read(records);
  }

  /** Stored records as a table of their kind. */
  public static RecordTable table(RecordKind kind, List<DataRecord> records) {
    List<RecordTable.Row> rows = new ArrayList<>(records.size());
    for (DataRecord record : records) {
      rows.add(new RecordTable.Row(record.id(), record.fields()));
    }
    return RecordTable.of(kind.wireName(), rows);
  }

  private static RecordError recordError(InputError error, RecordTable table, int storedRows,
      Batch batch, List<String> ids) {
    int row = table.indexOf(error.line());
    if (error.file().equals(table.name()) && row >= storedRows) {
      IncomingRecord record = batch.records().get(row - storedRows);
      return new RecordError(record.index(), record.line() == 0 ? null : record.line(),
          ids.get(record.index()), error.column(), error.code(), error.reason());
    }
    // A stored record (or an exchange rate) that no longer passes with this batch: named by id.
    String id = row >= 0 && error.file().equals(table.name()) ? table.rows().get(row).id() : null;
    String where = error.file().equals(table.name()) ? "stored record" : "stored " + error.file();
    return new RecordError(null, null, id, error.column(), error.code(),
        where + (id == null ? "" : " \"" + id + "\"") + ": " + error.reason());
  }

  /** Fields as the store keeps them: names trimmed and lower-cased, values trimmed, empties left out. */
  static TreeMap<String, String> normalised(Map<String, String> fields) {
    return normalised(fields, new HashMap<>());
  }

  /** As {@link #normalised(Map)}, remembering each name's normal form in {@code names}. */
  private static TreeMap<String, String> normalised(Map<String, String> fields,
      Map<String, String> names) {
    TreeMap<String, String> normalised = new TreeMap<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String value = field.getValue().strip();
      if (!value.isEmpty()) {
        normalised.putIfAbsent(names.computeIfAbsent(field.getKey(), BatchParser::normalise), value);
      }
    }
    return normalised;
  }
}
