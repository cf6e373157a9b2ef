package dev.upshift.store;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * A consistent, read-only view of one workspace's records at one data version: what a report is
 * computed from, so that phases and customers of one report belong to the same version. Valid only
 * inside the {@link Store#read} call that hands it out.
 */
public interface Snapshot {

  /** The data version every record seen through this snapshot belongs to. */
  long dataVersion();

  /**
   * Hands every record of one kind to {@code action}, ids ascending, streaming from the database
   * (the records are not all held in memory at once).
   */
  void forEach(RecordKind kind, Consumer<? super DataRecord> action);

  /**
   * Hands every record of one kind that belongs to one of {@code customerIds} ({@link
   * DataRecord#customerId()}) to {@code action}, in no particular order; found through an index,
   * without reading the other records.
   *
   * @throws IllegalArgumentException for a kind not {@linkplain RecordKind#foundByCustomer() found
   *     by customer}
   */
  void forEachOfCustomers(RecordKind kind, Collection<String> customerIds,
      Consumer<? super DataRecord> action);
}
