package dev.upshift.server.report;

import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputException;
import dev.upshift.input.PhaseTable;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputRecords;
import dev.upshift.server.ingest.BatchValidator;
import dev.upshift.store.DataRecord;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads some customers' phases from a snapshot, as the full load reads them: the stored records,
 * in id order, through the command line's reader ({@link DatasetReader#read(InputRecords)}) with
 * the stored exchange rates, in the reporting currency. Each customer's rows become a table of its
 * own; its set-aside rows are counted from its records.
 */
final class CustomerReader {
  private CustomerReader() {}

  /**
   * The phases now of every customer named; a customer without phases maps to an empty table.
   *
   * @throws InputException when the records no longer read (a rate retracted under them)
   */
  static Map<String, LiveWorkspace.Customer> read(Snapshot snapshot,
      Collection<String> customerIds, String currency) {
    Map<String, LiveWorkspace.Customer> customers = new HashMap<>();
    if (customerIds.isEmpty()) {
      return customers;
    }
    List<DataRecord> phases = new ArrayList<>();
    snapshot.forEachOfCustomers(RecordKind.PHASES, customerIds, phases::add);
    phases.sort(Comparator.comparing(DataRecord::id));
    List<DataRecord> fx = new ArrayList<>();
    snapshot.forEach(RecordKind.FX, fx::add);
    InputRecords records = InputRecords.of(BatchValidator.table(RecordKind.PHASES, phases))
        .withCurrency(currency);
    if (!fx.isEmpty()) {
      records = records.withFx(BatchValidator.table(RecordKind.FX, fx));
    }
    PhaseTable table = DatasetReader.read(records).table();
    Map<String, PhaseTable.Builder> builders = new HashMap<>();
    for (int r = 0; r < table.size(); r++) {
      builders.computeIfAbsent(table.customerId(table.customerOf(r)), c -> PhaseTable.builder())
          .add(table.phase(r));
    }
    Map<String, long[]> setAside = new HashMap<>();
    for (DataRecord record : phases) {
      IgnoredReason reason = RowCounts.setAside(record);
      if (reason != null) {
        setAside.computeIfAbsent(record.customerId(), c -> new long[RowCounts.SIZE])
            [1 + reason.ordinal()]++;
      }
    }
    for (String customerId : customerIds) {
      PhaseTable.Builder rows = builders.get(customerId);
      long[] aside = setAside.get(customerId);
      customers.put(customerId, new LiveWorkspace.Customer(
          rows == null ? PhaseTable.empty() : rows.build(),
          aside == null ? new long[RowCounts.SIZE] : aside));
    }
    return customers;
  }
}
