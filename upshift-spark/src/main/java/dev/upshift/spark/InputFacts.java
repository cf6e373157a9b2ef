package dev.upshift.spark;

import dev.upshift.DataFacts;
import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import dev.upshift.input.SubscriptionLog;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the first pass over the customers learns, summed over a set of them: the {@link DataFacts}
 * of the phases kept, the row counts of the report's {@code input} section, and how many rows and
 * errors were rejected. Merges with {@link #plus}; immutable and serialisable.
 */
final class InputFacts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final IgnoredReason[] REASONS = IgnoredReason.values();

  private final DataFacts facts;
  private final long rows;
  private final long billable;
  private final long[] ignored;
  private final long rejectedRows;
  private final long errors;

  private InputFacts(DataFacts facts, long rows, long billable, long[] ignored, long rejectedRows,
      long errors) {
    this.facts = facts;
    this.rows = rows;
    this.billable = billable;
    this.ignored = ignored;
    this.rejectedRows = rejectedRows;
    this.errors = errors;
  }

  static InputFacts empty() {
    return new InputFacts(DataFacts.empty(), 0, 0, new long[REASONS.length], 0, 0);
  }

  /**
   * The facts of one chunk of rows.
   *
   * @param lineRows the line phases among the chunk's kept rows ({@link PartitionChunks.Chunk#lineRows})
   */
  static InputFacts of(PartitionChunks.Chunk chunk, PhaseTable lineRows, PlanCatalog plans) {
    InputSummary summary = SubscriptionLog.summarise(chunk.kept(), chunk.rejected().size());
    long[] ignored = new long[REASONS.length];
    for (IgnoredReason reason : REASONS) {
      ignored[reason.ordinal()] = summary.ignored(reason);
    }
    return new InputFacts(DataFacts.of(lineRows, plans), summary.rows(),
        summary.billableRows(), ignored, summary.rejectedRows(), chunk.errors());
  }

  InputFacts plus(InputFacts other) {
    long[] sum = new long[REASONS.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(ignored[i], other.ignored[i]);
    }
    return new InputFacts(facts.plus(other.facts), Math.addExact(rows, other.rows),
        Math.addExact(billable, other.billable), sum,
        Math.addExact(rejectedRows, other.rejectedRows), Math.addExact(errors, other.errors));
  }

  DataFacts facts() {
    return facts;
  }

  /** The report's {@code input} counts (rows rejected under {@code --on-error skip} included). */
  InputSummary summary() {
    Map<IgnoredReason, Long> byReason = new EnumMap<>(IgnoredReason.class);
    for (IgnoredReason reason : REASONS) {
      byReason.put(reason, ignored[reason.ordinal()]);
    }
    return new InputSummary(rows, billable, byReason, rejectedRows);
  }

  long rejectedRows() {
    return rejectedRows;
  }

  long errors() {
    return errors;
  }
}
