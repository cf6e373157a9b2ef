package dev.upshift.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.input.InputError;
import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.SubscriptionLog;
import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.io.csv.SubscriptionRows;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * The rows of one partition, sorted by customer and input position ({@link
 * PhaseScan#byCustomer}), turned into chunks of whole customers: each row checked by the rules of
 * §1.1 and made a phase, then the phases of every line checked for overlaps (§1.1; within a
 * customer, so within a chunk). A chunk holds a few tens of thousands of rows, so a partition of any
 * size is read in bounded memory. Used by one task.
 */
final class PartitionChunks implements Iterator<PartitionChunks.Chunk> {
  /** Rows per chunk, rounded up to the end of a customer. */
  static final int CHUNK_ROWS = 1 << 15;

  /** Where a row is: the file its errors name and its row number (or its order in the task). */
  record Origin(String file, long row) implements Serializable {}

  /**
   * A row dropped for its errors.
   *
   * @param cells its cells in the order of §1.1's columns ({@code null} where absent)
   */
  record Rejected(Origin origin, List<String> cells, List<InputError> errors)
      implements Serializable {}

  /**
   * The outcome of one chunk of rows.
   *
   * @param kept the phases that passed, in input order
   * @param rejected the rows in error
   * @param rows every row of the chunk
   * @param errors the errors of the rejected rows
   */
  record Chunk(List<Phase> kept, List<Rejected> rejected, long rows, long errors) {
    /** The phases of subscription lines among those kept (overage and one-time rows set aside). */
    PhaseTable lineRows() {
      return Dataset.builder().addAll(kept).build().table();
    }
  }

  private final Iterator<Row> rows;
  private final ScanLayout layout;
  private final RowNumbers numbers;
  private final int keyField;
  private final Map<String, SubscriptionRows> rulesByFile = new HashMap<>();
  private Row pending;
  private long ordinal;

  /**
   * @param numbers the row numbers errors must name, or {@code null} when errors only need
   *     counting: phases then carry their order within the task as their line
   */
  PartitionChunks(Iterator<Row> rows, ScanLayout layout, RowNumbers numbers) {
    this.rows = rows;
    this.layout = layout;
    this.numbers = numbers;
    this.pending = rows.hasNext() ? rows.next() : null;
    this.keyField = pending == null ? -1 : pending.fieldIndex(ScanLayout.KEY);
  }

  @Override
  public boolean hasNext() {
    return pending != null;
  }

  @Override
  public Chunk next() {
    if (pending == null) {
      throw new NoSuchElementException();
    }
    List<Phase> phases = new ArrayList<>();
    Map<Phase, Origin> origins = new IdentityHashMap<>();
    Map<Phase, List<String>> cellsOf = new IdentityHashMap<>();
    List<Rejected> rejected = new ArrayList<>();
    long count = 0;
    long errors = 0;
    Object customer = null;
    while (pending != null) {
      Row row = pending;
      Object key = row.get(keyField);
      if (count >= CHUNK_ROWS && !Objects.equals(key, customer)) {
        break;
      }
      customer = key;
      pending = rows.hasNext() ? rows.next() : null;
      count++;
      int group = layout.group(row);
      String source = layout.source(row);
      String raw = layout.raw(row);
      List<String> cells = raw == null ? layout.cells(row, group) : split(raw);
      long line = numbers == null ? ++ordinal
          : numbers.row(source, layout.block(row), layout.position(row));
      SubscriptionRows rules = rules(group, source);
      SubscriptionRows.Parsed parsed = rules.parse(line, cells);
      Origin origin = new Origin(layout.fileName(source), line);
      if (parsed.phase() == null) {
        errors += parsed.errors().size();
        rejected.add(new Rejected(origin, canonical(rules, cells), parsed.errors()));
      } else {
        phases.add(parsed.phase());
        origins.put(parsed.phase(), origin);
        if (numbers != null) {
          cellsOf.put(parsed.phase(), canonical(rules, cells));
        }
      }
    }
    SubscriptionLog log = new SubscriptionLog("subscriptions");
    phases.forEach(log::add);
    SubscriptionLog.Checked checked = log.check();
    for (SubscriptionLog.Rejected overlap : checked.rejected()) {
      Origin later = origins.get(overlap.phase());
      Origin earlier = origins.get(overlap.earlier());
      InputError error = overlap.error();
      String reason = earlier.file().equals(later.file()) ? error.reason()
          : error.reason() + " in " + earlier.file();
      errors++;
      rejected.add(new Rejected(later, cellsOf.get(overlap.phase()),
          List.of(new InputError(later.file(), later.row(), error.column(), error.code(),
              reason))));
    }
    return new Chunk(checked.kept(), rejected, count, errors);
  }

  /** The rules of a group, naming the given file in errors (one copy per file). */
  private SubscriptionRows rules(int group, String source) {
    String key = group + "\u0000" + source;
    SubscriptionRows rules = rulesByFile.get(key);
    if (rules == null) {
      rules = layout.rules(group).forFile(layout.fileName(source));
      rulesByFile.put(key, rules);
    }
    return rules;
  }

  /** The cells of a CSV record the reader could not fit to its header, split as the file has them. */
  private static List<String> split(String raw) {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(raw)) {
      Iterator<CsvRecord> records = csv.iterator();
      return records.hasNext() ? records.next().getFields() : List.of();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Cells in header order as cells in the order of §1.1's columns. */
  private static List<String> canonical(SubscriptionRows rules, List<String> cells) {
    List<String> out = new ArrayList<>(SubscriptionColumns.NAMES.size());
    for (String column : SubscriptionColumns.NAMES) {
      int index = rules.indexOf(column);
      out.add(index >= 0 && index < cells.size() ? cells.get(index) : null);
    }
    return out;
  }
}
