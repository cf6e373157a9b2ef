package dev.upshift.spark;

import dev.upshift.ReportContext;
import dev.upshift.analysis.Analyzer;
import dev.upshift.input.PhaseTable;
import dev.upshift.metric.MetricTotals;
import dev.upshift.metric.RowSinks;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * The engine on one partition: chunk by chunk, the phases the input pass kept ({@link InputPart})
 * are computed by the core engine against the broadcast context, and the chunks' totals are summed into the partition's {@link Partials}; the analysis
 * and the ledger receive the engine's rows as they do on one machine. Used by one task.
 */
final class CustomerPass {
  private final ReportContext context;
  private final Analyzer analyzer;
  private final LedgerRows ledger;
  private final RowSinks<?> sinks;

  /** @param ledger whether the ledger's rows are wanted */
  CustomerPass(JobContext job, boolean ledger) {
    this.context = job.computed();
    this.analyzer = job.analysis() == null ? null : job.analyzer();
    this.ledger = ledger ? new LedgerRows(job.requested().plan().reportedPeriods()) : null;
    if (analyzer != null && this.ledger != null) {
      sinks = RowSinks.both(analyzer, this.ledger);
    } else {
      sinks = analyzer != null ? analyzer : this.ledger;
    }
  }

  /** The totals of every customer of the partition. */
  Partials run(Iterator<InputPart> parts) {
    MetricTotals totals = context.engine().empty();
    while (parts.hasNext()) {
      PhaseTable phases = parts.next().phases();
      if (phases != null) {
        totals = totals.plus(compute(phases));
      }
    }
    return partials(totals);
  }

  /**
   * The ledger rows of every customer of the partition, computed chunk by chunk as they are
   * consumed; the partition's totals go to {@code done} after the last row.
   */
  Iterator<Row> ledgerRows(Iterator<InputPart> parts, Consumer<Partials> done) {
    return new Iterator<>() {
      private MetricTotals totals = context.engine().empty();
      private Iterator<Row> current = Collections.emptyIterator();
      private boolean finished;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && parts.hasNext()) {
          PhaseTable phases = parts.next().phases();
          if (phases != null) {
            totals = totals.plus(compute(phases));
            List<Row> computed = ledger.drain();
            current = computed.iterator();
          }
        }
        if (!current.hasNext() && !finished) {
          finished = true;
          done.accept(partials(totals));
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private MetricTotals compute(PhaseTable phases) {
    return context.engine().compute(phases, sinks, done -> { });
  }

  private Partials partials(MetricTotals totals) {
    return new Partials(totals, analyzer == null ? null : analyzer.totals());
  }
}
